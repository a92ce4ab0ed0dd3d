package dev.craft.core;

import java.util.List;
import java.util.Random;

/** Random version strings shaped like each ecosystem's grammar, with near-misses mixed in. */
final class VersionGenerator {
  private final Random random;

  VersionGenerator(long seed) {
    this.random = new Random(seed);
  }

  String pick(List<String> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  int upTo(int n) {
    return random.nextInt(n);
  }

  boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  String number() {
    return switch (upTo(10)) {
      case 0 -> "0";
      case 1 -> "00" + upTo(3);
      case 2 -> String.valueOf(upTo(100000));
      case 3 -> "12345678901234567890".substring(0, 10 + upTo(10));
      default -> String.valueOf(upTo(4));
    };
  }

  String maven() {
    var sb = new StringBuilder(number());
    int parts = upTo(6);
    for (int i = 0; i < parts; i++) {
      sb.append(pick(List.of(".", "-", "", ".", "-")));
      sb.append(
          chance(50)
              ? number()
              : pick(
                  List.of(
                      "alpha",
                      "Beta",
                      "milestone",
                      "RC",
                      "cr",
                      "SNAPSHOT",
                      "ga",
                      "final",
                      "release",
                      "sp",
                      "a",
                      "b",
                      "m",
                      "foo",
                      "x",
                      "")));
    }
    return sb.toString();
  }

  String debian() {
    var sb = new StringBuilder();
    if (chance(20)) {
      sb.append(upTo(3)).append(':');
    }
    sb.append(upTo(4));
    int parts = upTo(5);
    for (int i = 0; i < parts; i++) {
      sb.append(pick(List.of(".", "+", "~", "", ".", "-")));
      sb.append(chance(50) ? number() : pick(List.of("a", "b", "rc", "Z", "dfsg", "git", "~")));
    }
    if (chance(60)) {
      sb.append('-').append(upTo(3));
      if (chance(40)) {
        sb.append(pick(List.of("~", "+", ".", "~bpo", "+deb", "ubuntu"))).append(upTo(3));
      }
    }
    return sb.toString();
  }

  String rpm() {
    var sb = new StringBuilder();
    if (chance(20)) {
      sb.append(upTo(3)).append(':');
    }
    sb.append(upTo(4));
    int parts = upTo(5);
    for (int i = 0; i < parts; i++) {
      sb.append(pick(List.of(".", "_", "+", "~", "^", "", ".")));
      sb.append(chance(50) ? number() : pick(List.of("a", "b", "rc", "git", "el", "fc", "Z")));
    }
    if (chance(60)) {
      sb.append('-').append(upTo(3));
      if (chance(40)) {
        sb.append(pick(List.of(".el", ".fc", "~", "^", "."))).append(upTo(10));
      }
    }
    return sb.toString();
  }

  String pep440() {
    var sb = new StringBuilder();
    if (chance(5)) {
      sb.append("v");
    }
    if (chance(10)) {
      sb.append(upTo(3)).append('!');
    }
    sb.append(number());
    int parts = upTo(4);
    for (int i = 0; i < parts; i++) {
      sb.append('.').append(chance(60) ? upTo(3) : number());
    }
    String sep = pick(List.of("", ".", "-", "_"));
    if (chance(40)) {
      sb.append(sep)
          .append(pick(List.of("a", "alpha", "b", "beta", "c", "rc", "pre", "preview", "RC")));
      if (chance(70)) {
        sb.append(pick(List.of("", ".", "-"))).append(upTo(12));
      }
    }
    if (chance(30)) {
      sb.append(chance(30) ? "-" + upTo(5) : sep + pick(List.of("post", "rev", "r", "POST")));
      if (chance(60)) {
        sb.append(upTo(5));
      }
    }
    if (chance(30)) {
      sb.append(pick(List.of(".", "-", "", "_"))).append(pick(List.of("dev", "DEV")));
      if (chance(60)) {
        sb.append(upTo(5));
      }
    }
    if (chance(20)) {
      sb.append('+').append(pick(List.of("abc", "1", "ubuntu", "Ubuntu", "5")));
      int more = upTo(3);
      for (int i = 0; i < more; i++) {
        sb.append(pick(List.of(".", "-", "_"))).append(pick(List.of("1", "x", "10", "abc")));
      }
    }
    if (chance(3)) {
      sb.append(pick(List.of("+", "..1", "foo", " ", "-", "!1")));
    }
    return sb.toString();
  }

  String rubyGems() {
    var sb = new StringBuilder(String.valueOf(upTo(3)));
    int parts = upTo(5);
    for (int i = 0; i < parts; i++) {
      sb.append(pick(List.of(".", ".", ".", "-", "")));
      sb.append(chance(55) ? number() : pick(List.of("a", "b", "pre", "rc", "A", "beta2", "x1")));
    }
    if (chance(3)) {
      sb.append(pick(List.of("..", "_", "-", ".")));
    }
    return sb.toString();
  }

  String npm() {
    var sb = new StringBuilder();
    if (chance(5)) {
      sb.append('v');
    }
    sb.append(chance(90) ? String.valueOf(upTo(3)) : number());
    sb.append('.').append(upTo(3)).append('.').append(upTo(3));
    if (chance(60)) {
      sb.append('-');
      int ids = 1 + upTo(3);
      for (int i = 0; i < ids; i++) {
        if (i > 0) {
          sb.append('.');
        }
        sb.append(
            chance(50)
                ? String.valueOf(upTo(12))
                : pick(List.of("alpha", "beta", "rc", "Alpha", "a-b", "-", "0a", "x")));
      }
    }
    if (chance(20)) {
      sb.append('+').append(pick(List.of("build", "001", "sha.5114f85", "x-y")));
    }
    if (chance(3)) {
      sb.append(pick(List.of(".", "-", "+", "..1", "_")));
    }
    return sb.toString();
  }
}
