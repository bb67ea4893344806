package io.shaledb.it;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON tree the fuzzer can bend in ways a JSON library refuses to write: objects keep their members in a list
 * (so a member can be duplicated), numbers keep their text, strings may hold lone surrogates (written as escapes)
 * and {@link Raw} text goes out exactly as given. Containers are mutable: each request mutates its own deep copy.
 */
sealed interface JsonTree {

  /** An object: its members in order, duplicates allowed. */
  record Obj(List<Member> members) implements JsonTree {}

  record Member(String name, JsonTree value) {}

  record Arr(List<JsonTree> elements) implements JsonTree {}

  record Str(String value) implements JsonTree {}

  /** A number as written, so that values no Java type holds survive. */
  record Num(String text) implements JsonTree {}

  record Bool(boolean value) implements JsonTree {}

  record Null() implements JsonTree {}

  /** Text written as it is, valid JSON or not. */
  record Raw(String text) implements JsonTree {}

  JsonFactory FACTORY = new JsonFactory();

  static JsonTree parse(String json) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      parser.nextToken();
      return read(parser);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonTree read(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    return switch (token) {
      case START_OBJECT -> {
        List<Member> members = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          members.add(new Member(name, read(parser)));
        }
        yield new Obj(members);
      }
      case START_ARRAY -> {
        List<JsonTree> elements = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          elements.add(read(parser));
        }
        yield new Arr(elements);
      }
      case VALUE_STRING -> new Str(parser.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Num(parser.getText());
      case VALUE_TRUE -> new Bool(true);
      case VALUE_FALSE -> new Bool(false);
      case VALUE_NULL -> new Null();
      default -> throw new IllegalArgumentException("not a JSON value: " + token);
    };
  }

  /** A copy whose containers can be changed without touching this tree. */
  default JsonTree deepCopy() {
    return switch (this) {
      case Obj o -> new Obj(new ArrayList<>(o.members().stream()
          .map(m -> new Member(m.name(), m.value().deepCopy())).toList()));
      case Arr a -> new Arr(new ArrayList<>(a.elements().stream().map(JsonTree::deepCopy).toList()));
      case Str s -> s;
      case Num n -> n;
      case Bool b -> b;
      case Null n -> n;
      case Raw r -> r;
    };
  }

  /** The value of the first member called {@code name}, or null (for reading responses). */
  default JsonTree get(String name) {
    if (this instanceof Obj o) {
      for (Member m : o.members()) {
        if (m.name().equals(name)) {
          return m.value();
        }
      }
    }
    return null;
  }

  default String text() {
    return this instanceof Str s ? s.value() : null;
  }

  default byte[] toUtf8() {
    StringBuilder out = new StringBuilder();
    write(out);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void write(StringBuilder out) {
    switch (this) {
      case Obj o -> {
        out.append('{');
        for (int i = 0; i < o.members().size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          writeString(o.members().get(i).name(), out);
          out.append(':');
          o.members().get(i).value().write(out);
        }
        out.append('}');
      }
      case Arr a -> {
        out.append('[');
        for (int i = 0; i < a.elements().size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          a.elements().get(i).write(out);
        }
        out.append(']');
      }
      case Str s -> writeString(s.value(), out);
      case Num n -> out.append(n.text());
      case Bool b -> out.append(b.value());
      case Null n -> out.append("null");
      case Raw r -> out.append(r.text());
    }
  }

  /**
   * Escapes what JSON requires and every surrogate that is not half of a pair: encoding the string as UTF-8 would
   * turn such a surrogate into '?', and the point is to send the escape.
   */
  private static void writeString(String value, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1));
      if (paired) {
        out.append(c).append(value.charAt(++i));
      } else if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }
}
