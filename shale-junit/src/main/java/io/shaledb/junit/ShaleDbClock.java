package io.shaledb.junit;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * The clock of the test's server, for time to live and streams: it runs with real time from wherever tests move it,
 * and only moves forward. Expired items are deleted by the server's next sweep (within a second or two of the move,
 * as DynamoDB deletes them some time after they expire), so a test that waits for their deletion should poll.
 *
 * <p>The clock is the server's: on a server shared by the run ({@link ShaleDbTest.Lifecycle#PER_RUN}) it moves for
 * every class that shares it, and stream shards roll over and age with it; tests that move it are best given a server
 * of their own ({@code PER_CLASS} or {@code PER_METHOD}).
 *
 * <pre>{@code
 * @Test
 * void expiredSessionsGo(DynamoDbClient dynamo, ShaleDbClock clock) {
 *   putSession(dynamo, clock.now().plus(Duration.ofMinutes(30)));
 *   clock.advance(Duration.ofHours(1));
 *   // poll until the session is gone
 * }
 * }</pre>
 */
public interface ShaleDbClock {
  /**
   * The clock of a server started with {@code --settable-clock} outside the extension, at {@code endpoint} (its
   * address, such as {@code http://127.0.0.1:8000}) on this machine.
   */
  static ShaleDbClock at(URI endpoint) {
    return new HttpClock(endpoint);
  }

  /** The server's time. */
  Instant now();

  /** Moves the server's clock forward by {@code amount} and returns its new time. */
  Instant advance(Duration amount);

  /**
   * Moves the server's clock to {@code instant}, which may not be earlier than its time, and returns its new time.
   */
  Instant set(Instant instant);
}
