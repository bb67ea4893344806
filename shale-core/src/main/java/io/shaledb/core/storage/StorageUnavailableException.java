package io.shaledb.core.storage;

/**
 * The engine cannot write now, for a reason expected to pass, such as a full disk: the commit (or clear) was not
 * acknowledged, and a later one may succeed. Reads still work. Engines log the cause once when it starts and once
 * when writes work again; the exception carries no stack trace, as it may be thrown for every write for a while.
 */
public final class StorageUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StorageUnavailableException(String message) {
    super(message, null, false, false);
  }
}
