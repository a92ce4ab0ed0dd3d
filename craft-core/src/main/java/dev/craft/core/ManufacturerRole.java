package dev.craft.core;

/**
 * The economic operator role the organisation plays for a product (Art. 3(13), (16), (17) and (14)
 * CRA: manufacturer, importer, distributor, open-source software steward).
 */
public enum ManufacturerRole implements WireEnum {
  MANUFACTURER,
  IMPORTER,
  DISTRIBUTOR,
  OPEN_SOURCE_STEWARD
}
