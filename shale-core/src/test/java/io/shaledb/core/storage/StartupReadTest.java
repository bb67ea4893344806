package io.shaledb.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StartupReadTest {
  @Test
  void pauses_doubleFromAQuarterSecond_upToFourSeconds_about16SecondsInAll() {
    assertThat(IntStream.rangeClosed(1, StartupRead.ATTEMPTS - 1)
        .mapToObj(StartupRead::pauseAfter).map(Duration::toMillis))
        .containsExactly(250L, 500L, 1_000L, 2_000L, 4_000L, 4_000L, 4_000L);
  }

  @Test
  void retried_aReadRefusedTwice_answersTheThirdAttempt() {
    AtomicInteger attempts = new AtomicInteger();

    String answer = StartupRead.retried("a test's value", () -> {
      if (attempts.incrementAndGet() <= 2) {
        throw new StorageUnavailableException("not yet");
      }
      return "read";
    });

    assertThat(answer).isEqualTo("read");
    assertThat(attempts).hasValue(3);
  }

  @Test
  void retried_anotherFailure_endsAtOnce() {
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(() -> StartupRead.retried("a test's value", () -> {
      attempts.incrementAndGet();
      throw new IllegalStateException("broken");
    })).isInstanceOf(IllegalStateException.class).hasMessage("broken");
    assertThat(attempts).hasValue(1);
  }
}
