package io.shaledb.server.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A warning about a condition that may recur thousands of times a second (refused connections, refused requests):
 * written at most once per interval, with how often it recurred in between, so the log says what happens without
 * drowning.
 */
final class OccasionalWarning {
  private final String message;
  private final Duration interval;
  private final Clock clock;
  private final Consumer<String> log;
  private @Nullable Instant lastWritten;
  private long sinceLastWritten;

  OccasionalWarning(String message, Duration interval, Clock clock, Consumer<String> log) {
    this.message = message;
    this.interval = interval;
    this.clock = clock;
    this.log = log;
  }

  /** Notes one occurrence; writes the warning when the last one written is older than the interval. */
  synchronized void occurred() {
    Instant now = clock.instant();
    sinceLastWritten++;
    if (lastWritten != null && now.isBefore(lastWritten.plus(interval))) {
      return;
    }
    log.accept(lastWritten == null ? message
        : message + " (" + sinceLastWritten + " times since the last such warning)");
    lastWritten = now;
    sinceLastWritten = 0;
  }
}
