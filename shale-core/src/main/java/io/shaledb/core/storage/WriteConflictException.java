package io.shaledb.core.storage;

/** A transaction lost an optimistic conflict and wrote nothing; retrying with a new transaction is safe. */
public final class WriteConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WriteConflictException(String message) {
    super(message, null, false, false);
  }
}
