package dev.craft.core;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maven's order, a port of {@code org.apache.maven.artifact.versioning.ComparableVersion} (Maven
 * 3.9.16): items split at {@code .}, {@code -} and digit/letter transitions, qualifiers ordered
 * {@code alpha < beta < milestone < rc < snapshot < "" < sp}, trailing zero items dropped so that
 * {@code 1 == 1.0 == 1.0.0 == 1-0}. ComparableVersion accepts any string; we also refuse empty
 * strings, whitespace and control characters, which are never real Maven versions.
 */
public final class MavenVersionScheme implements VersionScheme {
  private static final List<String> QUALIFIERS =
      List.of("alpha", "beta", "milestone", "rc", "snapshot", "", "sp");
  private static final Map<String, String> ALIASES =
      Map.of("ga", "", "final", "", "release", "", "cr", "rc");
  private static final String RELEASE_INDEX = String.valueOf(QUALIFIERS.indexOf(""));

  @Override
  public String ecosystem() {
    return "maven";
  }

  @Override
  public ParsedVersion parse(String version) {
    VersionText.requireBasic(ecosystem(), version);
    for (int i = 0; i < version.length(); i++) {
      if (Character.isWhitespace(version.charAt(i))) {
        throw new InvalidVersionException(ecosystem(), version, "whitespace at index " + i);
      }
    }
    return new ParsedVersion(ecosystem(), version, parseItems(version));
  }

  private sealed interface Item permits NumberItem, StringItem, ListItem {
    /** Compares with an item, or with "nothing" when {@code other} is null, as Maven does. */
    int compareTo(@org.jspecify.annotations.Nullable Item other);

    boolean isNull();
  }

  /** Maven's IntItem, LongItem and BigIntegerItem share one order: by value. */
  private record NumberItem(BigInteger value) implements Item {
    @Override
    public int compareTo(@org.jspecify.annotations.Nullable Item other) {
      return switch (other) {
        case null -> value.signum() == 0 ? 0 : 1;
        case NumberItem n -> value.compareTo(n.value);
        case StringItem s -> 1;
        case ListItem l -> 1;
      };
    }

    @Override
    public boolean isNull() {
      return value.signum() == 0;
    }
  }

  private record StringItem(String value) implements Item {
    static StringItem of(String value, boolean followedByDigit) {
      String v = value;
      if (followedByDigit && v.length() == 1) {
        v =
            switch (v.charAt(0)) {
              case 'a' -> "alpha";
              case 'b' -> "beta";
              case 'm' -> "milestone";
              default -> v;
            };
      }
      return new StringItem(ALIASES.getOrDefault(v, v));
    }

    /** Known qualifiers sort by index; unknown ones after all of them, alphabetically. */
    static String comparable(String qualifier) {
      int i = QUALIFIERS.indexOf(qualifier);
      return i == -1 ? QUALIFIERS.size() + "-" + qualifier : String.valueOf(i);
    }

    @Override
    public int compareTo(@org.jspecify.annotations.Nullable Item other) {
      return switch (other) {
        case null -> comparable(value).compareTo(RELEASE_INDEX);
        case NumberItem n -> -1;
        case StringItem s -> comparable(value).compareTo(comparable(s.value));
        case ListItem l -> -1;
      };
    }

    @Override
    public boolean isNull() {
      return comparable(value).equals(RELEASE_INDEX);
    }
  }

  private record ListItem(List<Item> items) implements Item, Comparable<ListItem> {
    ListItem() {
      this(new ArrayList<>());
    }

    void normalize() {
      for (int i = items.size() - 1; i >= 0; i--) {
        Item last = items.get(i);
        if (last.isNull()) {
          items.remove(i);
        } else if (!(last instanceof ListItem)) {
          break;
        }
      }
    }

    @Override
    public int compareTo(ListItem other) {
      return compareTo((Item) other);
    }

    @Override
    public int compareTo(@org.jspecify.annotations.Nullable Item other) {
      return switch (other) {
        case null -> {
          for (Item i : items) {
            int result = i.compareTo(null);
            if (result != 0) {
              yield result;
            }
          }
          yield 0;
        }
        case NumberItem n -> -1;
        case StringItem s -> 1;
        case ListItem l -> {
          int size = Math.max(items.size(), l.items.size());
          for (int k = 0; k < size; k++) {
            Item left = k < items.size() ? items.get(k) : null;
            Item right = k < l.items.size() ? l.items.get(k) : null;
            int result;
            if (left == null) {
              result = right == null ? 0 : -right.compareTo(null);
            } else {
              result = left.compareTo(right);
            }
            if (result != 0) {
              yield result;
            }
          }
          yield 0;
        }
      };
    }

    @Override
    public boolean isNull() {
      return items.isEmpty();
    }
  }

  /** ComparableVersion.parseVersion, step for step, so that differential tests stay exact. */
  private static ListItem parseItems(String original) {
    String version = original.toLowerCase(Locale.ENGLISH);
    ListItem root = new ListItem();
    ListItem list = root;
    Deque<ListItem> stack = new ArrayDeque<>();
    stack.push(list);
    boolean isDigit = false;
    int start = 0;
    for (int i = 0; i < version.length(); i++) {
      char c = version.charAt(i);
      if (c == '.' || c == '-') {
        list.items.add(i == start ? zero() : item(isDigit, version.substring(start, i)));
        start = i + 1;
        if (c == '-') {
          list = push(list, stack);
        }
      } else if (Character.isDigit(c)) {
        if (!isDigit && i > start) {
          if (!list.items.isEmpty()) {
            list = push(list, stack);
          }
          list.items.add(StringItem.of(version.substring(start, i), true));
          start = i;
          list = push(list, stack);
        }
        isDigit = true;
      } else {
        if (isDigit && i > start) {
          list.items.add(item(true, version.substring(start, i)));
          start = i;
          list = push(list, stack);
        }
        isDigit = false;
      }
    }
    if (version.length() > start) {
      // 1.0.0.X1 < 1.0.0-X2: a trailing ".X" qualifier is treated as "-X".
      if (!isDigit && !list.items.isEmpty()) {
        list = push(list, stack);
      }
      list.items.add(item(isDigit, version.substring(start)));
    }
    while (!stack.isEmpty()) {
      stack.pop().normalize();
    }
    return root;
  }

  private static ListItem push(ListItem parent, Deque<ListItem> stack) {
    ListItem child = new ListItem();
    parent.items.add(child);
    stack.push(child);
    return child;
  }

  private static NumberItem zero() {
    return new NumberItem(BigInteger.ZERO);
  }

  private static Item item(boolean isDigit, String text) {
    if (isDigit) {
      // Character.isDigit admits non-ASCII digits, as in Maven; BigInteger reads them too.
      return new NumberItem(new BigInteger(text));
    }
    return StringItem.of(text, false);
  }
}
