@NullMarked
package dev.craft.bench;

import org.jspecify.annotations.NullMarked;
