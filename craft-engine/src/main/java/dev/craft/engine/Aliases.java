package dev.craft.engine;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A vulnerability's aliases as the {@link Matcher} gives them to every finding of it: an immutable
 * list that also keeps its space-separated text, written once however many findings store it (an
 * SBOM upload stores 170,000 findings of 72,000 vulnerabilities in the benchmark).
 */
public final class Aliases extends AbstractList<String> implements RandomAccess {
  private final List<String> ids;
  private volatile String text;

  Aliases(List<String> ids) {
    this.ids = List.copyOf(ids);
  }

  @Override
  public String get(int index) {
    return ids.get(index);
  }

  @Override
  public int size() {
    return ids.size();
  }

  /** The aliases separated by single spaces. */
  public String text() {
    String t = text;
    if (t == null) {
      t = String.join(" ", ids);
      text = t;
    }
    return t;
  }

  /** The space-separated text of {@code aliases}, kept once when they are an {@link Aliases}. */
  public static String textOf(List<String> aliases) {
    return aliases instanceof Aliases a ? a.text() : String.join(" ", aliases);
  }
}
