package io.shaledb.server.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Executes one API call. It may block when the storage engine may; the transport then calls it off the event loop
 * (see {@link io.shaledb.core.storage.Capability#NON_BLOCKING}). Client errors are thrown as
 * {@link io.shaledb.core.error.DynamoException}; anything else is a bug and becomes HTTP 500.
 */
public interface ApiHandler {

  /**
   * @param request the operation target and caller
   * @param body the JSON request body
   * @param response where the JSON response body is written; discarded when an exception is thrown
   */
  void handle(ApiRequest request, InputStream body, OutputStream response) throws IOException;

  /**
   * Tries the call without waiting for I/O, for a transport on a thread that must not block. When the call would
   * have to wait, or has no such form, it answers what is left of it, with nothing changed and the response to be
   * discarded; the transport runs that on a thread that may wait. Errors are thrown as in {@link #handle}.
   */
  default Attempt handleWithoutBlocking(ApiRequest request, InputStream body, OutputStream response)
      throws IOException {
    return new Attempt.Deferred(rest -> handle(request, body, rest));
  }

  /** What trying a call without blocking came to. */
  sealed interface Attempt {
    /** The call was answered: its response is written. */
    Attempt ANSWERED = new Answered();

    record Answered() implements Attempt {}

    /**
     * The call would have to wait: {@code rest} finishes it from where it stopped, so that what it did already
     * (reading the body, checking the caller's access) is not done again. It reads the body it was given, which the
     * transport keeps until then.
     */
    record Deferred(Rest rest) implements Attempt {}
  }

  /** What is left of a call, run where it may wait. */
  @FunctionalInterface
  interface Rest {
    /** @param response where the JSON response body is written; discarded when an exception is thrown */
    void finish(OutputStream response) throws IOException;
  }
}
