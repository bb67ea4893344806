package io.shaledb.core.op;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What an operation knows of the request it serves beyond its input: the request's id, who sent it, when it must be
 * done by, the clock, and the meter that counts the capacity it consumes. Made once per request at the protocol edge
 * and passed to every operation and to every item of batches and transactions, so that access control and throttling
 * have one place to look.
 *
 * @param requestId as the transport made it (the server's is not a String), copied only by what reads it
 * @param deadline after it, loops that retry a contended write give up with a retryable error
 * @param endpoint the address the client reached (host and port), which DescribeEndpoints returns; null for requests
 *     made from inside the process
 */
public record RequestContext(CharSequence requestId, Principal principal, Instant deadline, Clock clock,
    CapacityMeter capacity, @Nullable String endpoint) {

  /** A request made from inside the process (tests, embedding code), with no deadline. */
  public static RequestContext internal(Principal principal, Clock clock) {
    return new RequestContext(UUID.randomUUID().toString(), principal, Instant.MAX, clock, new CapacityMeter(),
        null);
  }

  /** Work the database does on its own, such as deleting expired items. */
  public static RequestContext service(Clock clock) {
    return internal(Principal.SERVICE, clock);
  }

  public boolean pastDeadline() {
    return clock.instant().isAfter(deadline);
  }
}
