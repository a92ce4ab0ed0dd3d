package dev.craft.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Alpine's order, as apk-tools' {@code version.c}: {@code
 * digits{.digits}[letter]{_suffix[digits]}[~hash][-rN]}. Pre-release suffixes ({@code _alpha <
 * _beta < _pre < _rc}) sort before the plain version, post-release ones ({@code _cvs < _svn < _git
 * < _hg < _p}) after it. A dotted number with a leading zero is compared as a string (Gentoo's
 * rule), and when one version is a prefix of the other the longer one is newer unless its next part
 * is a pre-release suffix.
 */
public final class ApkVersionScheme implements VersionScheme {
  /** Token kinds in apk's order: a later kind at the first difference makes the version older. */
  private enum Kind {
    INITIAL_DIGIT,
    DIGIT,
    LETTER,
    SUFFIX,
    SUFFIX_NO,
    COMMIT_HASH,
    REVISION_NO,
    END
  }

  /** Suffixes in order; those before the empty entry are pre-releases. */
  private static final List<String> SUFFIXES =
      List.of("alpha", "beta", "pre", "rc", "", "cvs", "svn", "git", "hg", "p");

  private static final int NONE = SUFFIXES.indexOf("");

  private record Token(Kind kind, String text, int suffix) {}

  @Override
  public String ecosystem() {
    return "apk";
  }

  @Override
  public ParsedVersion parse(String version) {
    VersionText.requireBasic(ecosystem(), version);
    return new ParsedVersion(ecosystem(), version, new Key(tokenize(version)));
  }

  private List<Token> tokenize(String v) {
    List<Token> tokens = new ArrayList<>();
    int i = digits(v, 0);
    if (i == 0) {
      throw invalid(v, "does not start with a digit");
    }
    tokens.add(new Token(Kind.INITIAL_DIGIT, v.substring(0, i), NONE));
    Kind last = Kind.INITIAL_DIGIT;
    while (i < v.length()) {
      char c = v.charAt(i);
      Token t;
      if (c >= 'a' && c <= 'z' && last.compareTo(Kind.DIGIT) <= 0) {
        t = new Token(Kind.LETTER, String.valueOf(c), NONE);
        i++;
      } else if (c == '.' && last.compareTo(Kind.DIGIT) <= 0) {
        int end = digits(v, i + 1);
        if (end == i + 1) {
          throw invalid(v, "no number after '.' at index " + i);
        }
        t = new Token(Kind.DIGIT, v.substring(i + 1, end), NONE);
        i = end;
      } else if (c >= '0' && c <= '9' && last == Kind.SUFFIX) {
        int end = digits(v, i);
        t = new Token(Kind.SUFFIX_NO, v.substring(i, end), NONE);
        i = end;
      } else if (c == '_' && last.compareTo(Kind.SUFFIX_NO) <= 0) {
        int end = i + 1;
        while (end < v.length() && v.charAt(end) >= 'a' && v.charAt(end) <= 'z') {
          end++;
        }
        String name = v.substring(i + 1, end);
        int index = SUFFIXES.indexOf(name);
        if (name.isEmpty() || index < 0) {
          throw invalid(v, "unknown suffix '_" + name + "'");
        }
        t = new Token(Kind.SUFFIX, name, index);
        i = end;
      } else if (c == '~' && last.compareTo(Kind.COMMIT_HASH) < 0) {
        int end = i + 1;
        while (end < v.length() && isHex(v.charAt(end))) {
          end++;
        }
        if (end == i + 1) {
          throw invalid(v, "no commit hash after '~'");
        }
        t = new Token(Kind.COMMIT_HASH, v.substring(i + 1, end), NONE);
        i = end;
      } else if (c == '-' && last.compareTo(Kind.REVISION_NO) < 0 && v.startsWith("-r", i)) {
        int end = digits(v, i + 2);
        if (end == i + 2) {
          throw invalid(v, "no number after '-r'");
        }
        t = new Token(Kind.REVISION_NO, v.substring(i + 2, end), NONE);
        i = end;
      } else {
        throw invalid(v, "unexpected '" + c + "' at index " + i);
      }
      tokens.add(t);
      last = t.kind;
    }
    return List.copyOf(tokens);
  }

  private InvalidVersionException invalid(String version, String reason) {
    return new InvalidVersionException(ecosystem(), version, reason);
  }

  private static int digits(String s, int from) {
    int k = from;
    while (k < s.length() && s.charAt(k) >= '0' && s.charAt(k) <= '9') {
      k++;
    }
    return k;
  }

  /** apk's {@code APK_CTYPE_HEXDIGIT} ({@code src/ctype.c}) has no upper-case letters. */
  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }

  private record Key(List<Token> tokens) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int n = Math.min(tokens.size(), o.tokens.size());
      int k = 0;
      for (; k < n && tokens.get(k).kind == o.tokens.get(k).kind; k++) {
        int c = compareSameKind(tokens.get(k), o.tokens.get(k));
        if (c != 0) {
          return c;
        }
      }
      Token a = k < tokens.size() ? tokens.get(k) : null;
      Token b = k < o.tokens.size() ? o.tokens.get(k) : null;
      Kind ak = a == null ? Kind.END : a.kind;
      Kind bk = b == null ? Kind.END : b.kind;
      if (ak == bk) {
        return 0;
      }
      if (a != null && ak == Kind.SUFFIX && a.suffix < NONE) {
        return -1;
      }
      if (b != null && bk == Kind.SUFFIX && b.suffix < NONE) {
        return 1;
      }
      // The version whose next part comes later in Kind order is the older one.
      return ak.compareTo(bk) > 0 ? -1 : 1;
    }

    private static int compareSameKind(Token a, Token b) {
      return switch (a.kind) {
        case DIGIT ->
            a.text.startsWith("0") || b.text.startsWith("0")
                ? Integer.signum(a.text.compareTo(b.text))
                : VersionText.compareDigits(a.text, b.text);
        case INITIAL_DIGIT, SUFFIX_NO, REVISION_NO -> VersionText.compareDigits(a.text, b.text);
        case LETTER, COMMIT_HASH -> Integer.signum(a.text.compareTo(b.text));
        case SUFFIX -> Integer.compare(a.suffix, b.suffix);
        case END -> 0;
      };
    }
  }
}
