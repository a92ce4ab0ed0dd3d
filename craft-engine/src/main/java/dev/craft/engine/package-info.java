@NullMarked
package dev.craft.engine;

import org.jspecify.annotations.NullMarked;
