package io.shaledb.server.http;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of request and response bodies the server holds, against a budget. A request reserves its body before
 * the body is read, and is refused when it does not fit; large requests may fill only three quarters of the budget,
 * so that the last quarter always has room for small ones, which therefore keep their latency while large ones are
 * refused. A response is counted from the moment it is handed to the connection until it is written; responses are
 * never refused (a write's response comes after its commit), so they alone can take the total past the limit, and
 * while they do no call starts ({@link #allowsCall}).
 */
final class BodyMemory {
  /** Bodies up to this size are small: GetItem, PutItem of an ordinary item, a query's request. */
  static final long SMALL_BODY = 64 * 1024;
  /** DynamoDB's message for ThrottlingException (developer guide, "Error handling with DynamoDB"). */
  static final String THROTTLED_MESSAGE = "Rate of requests exceeds the allowed throughput.";

  private final long limit;
  private final long largeLimit;
  private final OccasionalWarning full;
  private final AtomicLong used = new AtomicLong();
  private final AtomicLong peak = new AtomicLong();

  /** {@code full} is told of every refusal. */
  BodyMemory(long limit, OccasionalWarning full) {
    this.limit = limit;
    this.largeLimit = limit - limit / 4;
    this.full = full;
  }

  /**
   * Reserves {@code bytes} of a request body if they fit; false, with nothing reserved, when they do not. An empty
   * body holds nothing and always fits.
   */
  boolean tryReserve(long bytes) {
    return tryReserve(bytes, bytes);
  }

  /**
   * Reserves {@code bytes} more of a body that then holds {@code bodyBytes} in all, such as a request body as it is
   * decompressed: the body's size says whether it is large.
   */
  boolean tryReserve(long bytes, long bodyBytes) {
    if (bytes == 0) {
      return true;
    }
    long ceiling = bodyBytes <= SMALL_BODY ? limit : largeLimit;
    long current;
    do {
      current = used.get();
      if (current + bytes > ceiling) {
        full.occurred();
        return false;
      }
    } while (!used.compareAndSet(current, current + bytes));
    notePeak(current + bytes);
    return true;
  }

  /** Counts a response body, whether or not it fits. */
  void charge(long bytes) {
    notePeak(used.addAndGet(bytes));
  }

  void release(long bytes) {
    used.addAndGet(-bytes);
  }

  /** Whether a call may start: not while responses have taken the total past the limit. */
  boolean allowsCall() {
    if (used.get() <= limit) {
      return true;
    }
    full.occurred();
    return false;
  }

  /**
   * The answer to a request refused for want of memory: DynamoDB's ThrottlingException, which the SDKs retry after a
   * backoff meant for an overloaded service, and which says truly that nothing was done.
   */
  static DynamoException throttled() {
    return new DynamoException(ErrorCode.THROTTLING, THROTTLED_MESSAGE);
  }

  long limit() {
    return limit;
  }

  long used() {
    return used.get();
  }

  /** The most ever held at once. */
  long peak() {
    return peak.get();
  }

  private void notePeak(long total) {
    long highest = peak.get();
    while (total > highest && !peak.compareAndSet(highest, total)) {
      highest = peak.get();
    }
  }
}
