package io.shaledb.core.op;

/**
 * An operation that can also try to run without waiting for I/O, so that a server can answer it on a network thread
 * when its data is in memory and hand it to a worker only when it is not.
 */
public interface NonBlockingOperation<I, O> extends Operation<I, O> {

  /**
   * Runs the operation as {@link #execute} does, reading only what the storage engine holds in memory.
   *
   * @throws io.shaledb.core.storage.WouldBlockException when that is not enough; nothing was changed, and the caller
   *     runs {@link #execute} on a thread that may wait
   */
  O executeWithoutBlocking(I input, RequestContext context);
}
