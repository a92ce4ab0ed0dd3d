package dev.craft.formats;

import dev.craft.core.VexStatement;

/**
 * A statement read from a document plus where it came from, so that a writer can match what it read
 * back to what it wrote ({@link VexKept}).
 */
record VexSlot(String slot, VexStatement statement) {}
