package io.shaledb.core.validate;

/**
 * The ASCII character classes of DynamoDB's name patterns, for checks that run on every request and so test
 * characters directly rather than through a regular expression's matcher.
 */
public final class NameCharacters {
  private NameCharacters() {}

  /** {@code [A-Za-z0-9_]}. */
  public static boolean isWord(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
}
