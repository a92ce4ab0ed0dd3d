package dev.craft.core;

/** What kind of product with digital elements (Art. 3(1) CRA) this is. */
public enum ProductType implements WireEnum {
  SOFTWARE,
  HARDWARE,
  FIRMWARE,
  LIBRARY,
  /** A remote data processing solution that is part of a product (Art. 3(2)). */
  REMOTE_DATA_PROCESSING
}
