package io.shaledb.core.partiql.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** PartiQL's reserved words (the resource {@code keywords.txt} says where the list comes from). */
final class Keywords {
  private static final Set<String> WORDS = load();

  private Keywords() {}

  static boolean isReserved(String word) {
    return WORDS.contains(word.toUpperCase(Locale.ROOT));
  }

  private static Set<String> load() {
    try (InputStream in = Keywords.class.getResourceAsStream("/io/shaledb/core/partiql/keywords.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(String::strip)
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
