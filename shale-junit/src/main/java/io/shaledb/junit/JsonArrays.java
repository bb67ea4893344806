package io.shaledb.junit;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a JSON array into the text of its elements, without parsing them: enough for table fixtures, whose elements
 * go to the server as they are, and no JSON library whose version must agree with the test's.
 */
final class JsonArrays {
  private JsonArrays() {}

  /**
   * @throws IllegalArgumentException when {@code json} is not one array, naming {@code source}
   */
  static List<String> elements(String json, String source) {
    String text = json.strip();
    if (!text.startsWith("[") || !text.endsWith("]")) {
      throw new IllegalArgumentException(source + " must hold a JSON array of CreateTable requests");
    }
    List<String> elements = new ArrayList<>();
    int depth = 0;
    boolean inString = false;
    int start = 1;
    for (int i = 1; i < text.length() - 1; i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
      } else if (c == ',' && depth == 0) {
        elements.add(text.substring(start, i).strip());
        start = i + 1;
      }
      if (depth < 0) {
        throw new IllegalArgumentException(source + " is not well-formed JSON near character " + i);
      }
    }
    String last = text.substring(start, text.length() - 1).strip();
    if (!last.isEmpty()) {
      elements.add(last);
    }
    if (depth != 0 || inString) {
      throw new IllegalArgumentException(source + " is not well-formed JSON");
    }
    return elements;
  }
}
