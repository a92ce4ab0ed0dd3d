@NullMarked
package dev.craft.cli;

import org.jspecify.annotations.NullMarked;
