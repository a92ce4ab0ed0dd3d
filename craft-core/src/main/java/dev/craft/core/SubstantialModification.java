package dev.craft.core;

/**
 * The assessment, for a new release, of whether it is a substantial modification (Art. 3(30)): a
 * change that affects compliance with Annex I Part I or modifies the intended purpose. After 11
 * December 2027 it brings a product placed earlier under all obligations (Art. 69(2)).
 */
public enum SubstantialModification implements WireEnum {
  NOT_ASSESSED,
  NOT_SUBSTANTIAL,
  SUBSTANTIAL
}
