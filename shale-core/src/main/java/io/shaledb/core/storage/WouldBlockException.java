package io.shaledb.core.storage;

/**
 * A read asked not to wait ({@link StorageEngine#getWithoutBlocking}) needed I/O. Nothing was changed: the caller runs
 * the same work again on a thread that may wait. Thrown often under a cold cache, so it carries no stack trace.
 */
public final class WouldBlockException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WouldBlockException() {
    super("the read needs I/O", null, false, false);
  }
}
