package io.shaledb.core.partiql.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * PartiQL's reserved words (the resource {@code keywords.txt} says where the list comes from). Every unquoted word of
 * a statement is looked up, so the words are kept in buckets by length and first letter and compared ignoring case,
 * rather than upper-casing each word into a new string for a set.
 */
final class Keywords {
  private static final int LETTERS = 27;
  private static final String[][] BUCKETS = load();

  private Keywords() {}

  static boolean isReserved(String word) {
    int bucket = bucket(word);
    if (bucket >= BUCKETS.length) {
      return false;
    }
    for (String keyword : BUCKETS[bucket]) {
      if (keyword.equalsIgnoreCase(word)) {
        return true;
      }
    }
    return false;
  }

  private static int bucket(String word) {
    char first = (char) (word.charAt(0) | 0x20);
    int letter = first >= 'a' && first <= 'z' ? first - 'a' : LETTERS - 1;
    return word.length() * LETTERS + letter;
  }

  private static String[][] load() {
    List<String> words;
    try (InputStream in = Keywords.class.getResourceAsStream("/io/shaledb/core/partiql/keywords.txt")) {
      words = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(String::strip)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int longest = words.stream().mapToInt(String::length).max().orElse(0);
    List<List<String>> buckets = new ArrayList<>();
    for (int i = 0; i < (longest + 1) * LETTERS; i++) {
      buckets.add(new ArrayList<>());
    }
    words.forEach(word -> buckets.get(bucket(word)).add(word));
    return buckets.stream().map(bucket -> bucket.toArray(String[]::new)).toArray(String[][]::new);
  }
}
