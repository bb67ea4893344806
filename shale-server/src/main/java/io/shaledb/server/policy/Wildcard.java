package io.shaledb.server.policy;

import java.util.regex.Pattern;

/**
 * A pattern of IAM's: {@code *} stands for any run of characters and {@code ?} for any one, everything else for
 * itself. Compiled once, when its policy is parsed.
 */
record Wildcard(String text, Pattern pattern) {

  static Wildcard compile(String text, boolean ignoreCase) {
    StringBuilder regex = new StringBuilder(text.length() + 8);
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '*' || c == '?') {
        if (!literal.isEmpty()) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (!literal.isEmpty()) {
      regex.append(Pattern.quote(literal.toString()));
    }
    int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    return new Wildcard(text, Pattern.compile(regex.toString(), flags));
  }

  boolean matches(String value) {
    return text.equals("*") || pattern.matcher(value).matches();
  }
}
