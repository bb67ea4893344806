package io.shaledb.server.policy;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A pattern of IAM's: {@code *} stands for any run of characters and {@code ?} for any one, everything else for
 * itself. Compiled once, when its policy is parsed. Every statement's actions and resources are matched on every
 * call, and most patterns are {@code *}, a name, or a name ending in {@code *} ({@code dynamodb:Get*},
 * {@code arn:...:table/Music*}): those are compared as text, and only other shapes run the regular expression.
 *
 * @param literal the text before a single trailing {@code *} ({@code prefix}) or the whole text (neither {@code *}
 *     nor {@code ?} in it); null when the pattern needs its regular expression
 */
record Wildcard(String text, Pattern pattern, @Nullable String literal, boolean prefix, boolean ignoreCase) {

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
    int firstWildcard = firstWildcard(text);
    boolean prefix = firstWildcard == text.length() - 1 && text.charAt(firstWildcard) == '*';
    String plain = firstWildcard < 0 ? text : prefix ? text.substring(0, firstWildcard) : null;
    // Case-insensitive prefixes of non-ASCII text stay with the expression, whose Unicode case folding
    // String.regionMatches does not repeat for every character.
    if (ignoreCase && plain != null && !plain.chars().allMatch(c -> c < 0x80)) {
      plain = null;
    }
    return new Wildcard(text, Pattern.compile(regex.toString(), flags), plain, prefix, ignoreCase);
  }

  private static int firstWildcard(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '*' || c == '?') {
        return i;
      }
    }
    return -1;
  }

  boolean matches(String value) {
    if (literal == null) {
      return pattern.matcher(value).matches();
    }
    if (prefix) {
      return value.regionMatches(ignoreCase, 0, literal, 0, literal.length());
    }
    return ignoreCase ? value.equalsIgnoreCase(literal) : value.equals(literal);
  }
}
