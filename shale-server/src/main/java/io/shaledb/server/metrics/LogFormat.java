package io.shaledb.server.metrics;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.List;

/** How the request logs write a line: logfmt ({@code key=value ...}) or one JSON object. */
public enum LogFormat {
  LOGFMT,
  JSON;

  /** A line of {@code fields}, in order; a number stays a number in JSON. */
  String line(List<LogField> fields) {
    StringBuilder out = new StringBuilder(160);
    switch (this) {
      case LOGFMT -> {
        for (LogField field : fields) {
          if (!out.isEmpty()) {
            out.append(' ');
          }
          out.append(field.key()).append('=');
          appendLogfmt(out, field.value());
        }
      }
      case JSON -> {
        out.append('{');
        for (LogField field : fields) {
          if (out.length() > 1) {
            out.append(',');
          }
          out.append('"').append(field.key()).append("\":");
          if (field.value() instanceof Number number) {
            out.append(number);
          } else {
            out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(field.value().toString())).append('"');
          }
        }
        out.append('}');
      }
    }
    return out.toString();
  }

  /** A value as logfmt writes it: bare when it is a plain word, else quoted with Go's escapes. */
  private static void appendLogfmt(StringBuilder out, Object value) {
    String text = value.toString();
    boolean plain = !text.isEmpty() && text.chars().allMatch(c -> c > ' ' && c != '"' && c != '=' && c != '\\');
    if (plain) {
      out.append(text);
      return;
    }
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    out.append('"');
  }

  /** One field of a line. */
  record LogField(String key, Object value) {}
}
