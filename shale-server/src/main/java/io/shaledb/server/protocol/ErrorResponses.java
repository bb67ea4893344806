package io.shaledb.server.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The one place that writes error bodies: {@code {"__type": "...", "message": "..."}}, as DynamoDB does for its
 * JSON 1.0 protocol (the SDKs read either capitalisation of "message").
 */
public final class ErrorResponses {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private ErrorResponses() {}

  /** The message of an unexpected failure: its details go to the log, not to the client. */
  public static final String INTERNAL_ERROR_MESSAGE = "The server encountered an internal error trying to fulfill"
      + " the request.";

  public static void write(DynamoException error, OutputStream out) throws IOException {
    write(error.code(), error.getMessage(), out);
  }

  public static void write(ErrorCode code, String message, OutputStream out) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("__type", code.type());
      if (message != null) {
        g.writeStringField("message", message);
      }
      g.writeEndObject();
    }
  }
}
