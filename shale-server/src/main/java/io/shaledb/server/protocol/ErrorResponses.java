package io.shaledb.server.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.error.ThrottlingReason;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.write.CancellationReason;
import io.shaledb.server.json.AttributeValueWriter;
import io.shaledb.server.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The one place that writes error bodies: {@code {"__type": "...", "message": "..."}}, as DynamoDB does for its
 * JSON 1.0 protocol (the SDKs read either capitalisation of "message").
 */
public final class ErrorResponses {
  private static final JsonFactory JSON = Json.FACTORY;

  private ErrorResponses() {}

  /** The message of an unexpected failure: its details go to the log, not to the client. */
  public static final String INTERNAL_ERROR_MESSAGE = "The server encountered an internal error trying to fulfill"
      + " the request.";

  public static void write(DynamoException error, OutputStream out) throws IOException {
    write(error.code(), error.getMessage(), error.extra(), out);
  }

  private static void writeReasons(JsonGenerator g, List<CancellationReason> reasons) throws IOException {
    g.writeStartArray();
    for (CancellationReason reason : reasons) {
      g.writeStartObject();
      g.writeStringField("Code", reason.code());
      if (reason.message() != null) {
        g.writeStringField("Message", reason.message());
      }
      if (reason.item() != null) {
        g.writeFieldName("Item");
        AttributeValueWriter.writeMap(g, reason.item());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void writeThrottlingReasons(JsonGenerator g, List<ThrottlingReason> reasons) throws IOException {
    g.writeStartArray();
    for (ThrottlingReason reason : reasons) {
      g.writeStartObject();
      g.writeStringField("reason", reason.reason());
      g.writeStringField("resource", reason.resource());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  public static void write(ErrorCode code, String message, OutputStream out) throws IOException {
    write(code, message, Map.of(), out);
  }

  /**
   * Extra members: an item (a map of attribute values), such as the old item of a failed condition, the
   * CancellationReasons of a cancelled transaction, or the ThrottlingReasons of a throttled request.
   */
  @SuppressWarnings("unchecked")
  private static void write(ErrorCode code, @Nullable String message, Map<String, Object> extra, OutputStream out)
      throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("__type", code.type());
      if (message != null) {
        g.writeStringField("message", message);
      }
      for (Map.Entry<String, Object> member : extra.entrySet()) {
        g.writeFieldName(member.getKey());
        if (member.getValue() instanceof List<?> reasons && !reasons.isEmpty()
            && reasons.getFirst() instanceof ThrottlingReason) {
          writeThrottlingReasons(g, (List<ThrottlingReason>) reasons);
        } else if (member.getValue() instanceof List<?> reasons) {
          writeReasons(g, (List<CancellationReason>) reasons);
        } else {
          AttributeValueWriter.writeMap(g, (Map<String, AttributeValue>) member.getValue());
        }
      }
      g.writeEndObject();
    }
  }
}
