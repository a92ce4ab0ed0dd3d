@NullMarked
package dev.craft.server;

import org.jspecify.annotations.NullMarked;
