package io.shaledb.core.storage;

/**
 * A call asked not to wait could not be answered without waiting. Nothing was changed: the caller runs the same work
 * again on a thread that may wait. Thrown often under a cold cache, so it carries no stack trace.
 */
public final class WouldBlockException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the call must wait, which tells a caller deciding whether to try the next call without waiting. */
  public enum Reason {
    /** A read ({@link StorageEngine#getWithoutBlocking}) needed I/O: the next call's data may be in memory. */
    IO,
    /**
     * The call waits whatever the storage holds (a write, or a strongly consistent read of a table of multi-region
     * strong consistency, which waits for other regions), which says nothing of the next call.
     */
    ALWAYS
  }

  private final Reason reason;

  /** A read that needed I/O. */
  public WouldBlockException() {
    this(Reason.IO);
  }

  public WouldBlockException(Reason reason) {
    super(reason == Reason.IO ? "the read needs I/O" : "the call always waits", null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
