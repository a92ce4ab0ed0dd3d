@NullMarked
package dev.craft.store;

import org.jspecify.annotations.NullMarked;
