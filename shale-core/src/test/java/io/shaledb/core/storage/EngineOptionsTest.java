package io.shaledb.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EngineOptionsTest {
  private static EngineOptions tuned(String name, String value) {
    return EngineOptions.defaults(Path.of("data")).withTuning(Map.of(name, value));
  }

  @Test
  void defaults_areDurable_withoutTuning() {
    EngineOptions options = EngineOptions.defaults(Path.of("data"));

    assertThat(options.durability()).isEqualTo(Durability.FSYNC);
    assertThat(options.tuning()).isEmpty();
  }

  @Test
  void bytes_withBinarySuffixes_multiplies() {
    assertThat(tuned("cache", "512").bytes("cache", 1)).isEqualTo(512);
    assertThat(tuned("cache", "4k").bytes("cache", 1)).isEqualTo(4096);
    assertThat(tuned("cache", "64M").bytes("cache", 1)).isEqualTo(64L << 20);
    assertThat(tuned("cache", "2g").bytes("cache", 1)).isEqualTo(2L << 30);
    assertThat(tuned("other", "2g").bytes("cache", 7)).isEqualTo(7);
  }

  @Test
  void bytes_notAPositiveSize_failsNamingTheOption() {
    for (String bad : new String[] {"", "m", "-1m", "0", "1t", "99999999999g"}) {
      assertThatThrownBy(() -> tuned("cache", bad).bytes("cache", 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("engine option cache=" + bad + " is not ");
    }
  }

  @Test
  void count_outsideItsRange_fails() {
    assertThat(tuned("jobs", "4").count("jobs", 8, 2)).isEqualTo(4);
    assertThat(tuned("other", "4").count("jobs", 8, 2)).isEqualTo(2);
    assertThatThrownBy(() -> tuned("jobs", "9").count("jobs", 8, 2))
        .hasMessage("engine option jobs=9 is not a whole number from 1 to 8");
    assertThatThrownBy(() -> tuned("jobs", "four").count("jobs", 8, 2))
        .hasMessage("engine option jobs=four is not a number");
  }

  @Test
  void requireKnownTuning_unknownName_failsListingTheKnownOnes() {
    assertThatThrownBy(() -> tuned("blockcache", "1m").requireKnownTuning("rocksdb", Set.of("write-buffer",
        "block-cache")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown rocksdb engine option 'blockcache' (known: block-cache, write-buffer)");
    assertThatThrownBy(() -> tuned("block-cache", "1m").requireKnownTuning("memory", Set.of()))
        .hasMessage("the memory engine takes no engine options, got 'block-cache'");
  }
}
