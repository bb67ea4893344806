package io.shaledb.core.storage;

import org.jspecify.annotations.Nullable;

/** A transaction lost an optimistic conflict and wrote nothing; retrying with a new transaction is safe. */
public final class WriteConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WriteConflictException(@Nullable String message) {
    super(message, null, false, false);
  }
}
