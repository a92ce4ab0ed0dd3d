@NullMarked
package dev.craft.formats;

import org.jspecify.annotations.NullMarked;
