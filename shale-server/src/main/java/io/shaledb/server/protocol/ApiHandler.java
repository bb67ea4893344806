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
   * Tries the call without waiting for I/O, for a transport on a thread that must not block. Returns false, with
   * nothing changed and the response to be discarded, when the call would have to wait or has no such form; the
   * transport then passes the same body to {@link #handle} on a thread that may wait. Errors are thrown as there.
   */
  default boolean handleWithoutBlocking(ApiRequest request, InputStream body, OutputStream response)
      throws IOException {
    return false;
  }
}
