@NullMarked
package dev.craft.core;

import org.jspecify.annotations.NullMarked;
