package dev.craft.engine;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An immutable set of strings held as one string and an {@code int} array: for the {@code
 * versions[]} lists of OSV records, which an index holds by the million (a PyPA record lists 53
 * versions on average). As {@code Set.copyOf} holds them, each entry is a String and its byte array
 * (about 45 bytes besides the text, and two objects for the collector to mark); packed, a list of
 * 53 versions is four objects. Contains is a binary search over the entries in their natural order.
 */
final class PackedStrings extends AbstractSet<String> {
  /** Below this many entries {@code Set.copyOf} is as small. */
  private static final int PACK_FROM = 4;

  /** The entries one after another, in their natural order ({@link String#compareTo}). */
  private final String packed;

  /** Where entry {@code i} ends in {@link #packed}; it starts where entry {@code i - 1} ends. */
  private final int[] ends;

  private PackedStrings(String packed, int[] ends) {
    this.packed = packed;
    this.ends = ends;
  }

  /** An immutable set of {@code values}: packed from {@value #PACK_FROM} distinct entries on. */
  static Set<String> of(Collection<String> values) {
    Set<String> distinct = values instanceof Set<String> s ? s : new LinkedHashSet<>(values);
    if (distinct.size() < PACK_FROM) {
      return Set.copyOf(distinct);
    }
    String[] sorted = distinct.toArray(new String[0]);
    Arrays.sort(sorted);
    var text = new StringBuilder();
    int[] ends = new int[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      text.append(sorted[i]);
      ends[i] = text.length();
    }
    return new PackedStrings(text.toString(), ends);
  }

  @Override
  public boolean contains(@Nullable Object o) {
    if (!(o instanceof String s)) {
      return false;
    }
    int low = 0;
    int high = ends.length - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int c = compareTo(mid, s);
      if (c < 0) {
        low = mid + 1;
      } else if (c > 0) {
        high = mid - 1;
      } else {
        return true;
      }
    }
    return false;
  }

  @Override
  public int size() {
    return ends.length;
  }

  @Override
  public Iterator<String> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < ends.length;
      }

      @Override
      public String next() {
        if (next >= ends.length) {
          throw new NoSuchElementException();
        }
        int i = next++;
        return packed.substring(start(i), ends[i]);
      }
    };
  }

  /** As {@link Set#hashCode}: the sum of the entries' hash codes, without making them. */
  @Override
  public int hashCode() {
    int sum = 0;
    for (int i = 0, start = 0; i < ends.length; start = ends[i++]) {
      int h = 0;
      for (int k = start; k < ends[i]; k++) {
        h = 31 * h + packed.charAt(k);
      }
      sum += h;
    }
    return sum;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (o instanceof PackedStrings p) {
      return packed.equals(p.packed) && Arrays.equals(ends, p.ends);
    }
    return super.equals(o);
  }

  /** As {@code entry(i).compareTo(s)}, without making the entry. */
  private int compareTo(int i, String s) {
    int start = start(i);
    int length = ends[i] - start;
    int n = Math.min(length, s.length());
    for (int k = 0; k < n; k++) {
      int c = packed.charAt(start + k) - s.charAt(k);
      if (c != 0) {
        return c;
      }
    }
    return length - s.length();
  }

  private int start(int i) {
    return i == 0 ? 0 : ends[i - 1];
  }
}
