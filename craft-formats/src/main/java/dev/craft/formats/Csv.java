package dev.craft.formats;

import dev.craft.core.InvalidInputException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: comma-separated fields, double-quoted fields that may hold commas,
 * quotes ({@code ""}) and line breaks. Enough for the KEV and EPSS files; bounded per record.
 */
final class Csv {
  private final Reader in;
  private final int maxRecordChars;
  private final String source;
  private int line = 1;
  private int pushedBack = -2;

  Csv(Reader in, int maxRecordChars, String source) {
    this.in = in;
    this.maxRecordChars = maxRecordChars;
    this.source = source;
  }

  /** The line the next record starts on (1-based), for messages. */
  int line() {
    return line;
  }

  /** The next record's fields, or an empty list at the end of input. */
  List<String> next() throws IOException {
    var fields = new ArrayList<String>();
    var field = new StringBuilder();
    int chars = 0;
    boolean quoted = false;
    boolean any = false;
    while (true) {
      int c = read();
      if (c < 0) {
        if (quoted) {
          throw new InvalidInputException(source + ": line " + line + ": unterminated quote");
        }
        if (any) {
          fields.add(field.toString());
        }
        return fields;
      }
      any = true;
      if (++chars > maxRecordChars) {
        throw new InvalidInputException(
            source + ": line " + line + " is longer than " + maxRecordChars + " characters");
      }
      if (quoted) {
        if (c == '"') {
          int d = read();
          if (d == '"') {
            field.append('"');
          } else {
            quoted = false;
            pushedBack = d;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append((char) c);
        }
      } else if (c == '"' && field.isEmpty()) {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        line++;
        fields.add(stripCr(field));
        return fields;
      } else {
        field.append((char) c);
      }
    }
  }

  private static String stripCr(StringBuilder field) {
    int n = field.length();
    return n > 0 && field.charAt(n - 1) == '\r' ? field.substring(0, n - 1) : field.toString();
  }

  private int read() throws IOException {
    if (pushedBack != -2) {
      int c = pushedBack;
      pushedBack = -2;
      return c;
    }
    return in.read();
  }
}
