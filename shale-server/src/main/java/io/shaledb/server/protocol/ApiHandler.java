package io.shaledb.server.protocol;
import java.io.InputStream;
import java.io.OutputStream;
/** Executes one API call. Blocking; called off the Netty event loop. Client errors are thrown as DynamoException; anything else is a bug (HTTP 500). */
public interface ApiHandler {
  /** @param request the operation target and caller; @param body the JSON request body; @param response where the JSON response body is written (only used when no exception is thrown) */
  void handle(ApiRequest request, InputStream body, OutputStream response) throws java.io.IOException;
}
