package dev.craft.cli;

/** The {@code --format} choices shared by commands whose output is data. */
public enum OutputFormat {
  text,
  json
}
