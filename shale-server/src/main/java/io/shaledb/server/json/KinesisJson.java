package io.shaledb.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.op.table.DescribeKinesisDestinationsOutput;
import io.shaledb.core.op.table.KinesisDestinationInput;
import io.shaledb.core.op.table.KinesisDestinationOutput;
import io.shaledb.core.schema.KinesisDestination;
import io.shaledb.core.schema.KinesisDestination.Precision;
import io.shaledb.core.validate.Choice;
import java.io.IOException;

/** Requests and responses of the Kinesis streaming destination operations. */
public final class KinesisJson {
  private static final String ENABLE_CONFIGURATION = "EnableKinesisStreamingConfiguration";
  private static final String UPDATE_CONFIGURATION = "UpdateKinesisStreamingConfiguration";

  private KinesisJson() {}

  /** Enable- and DisableKinesisStreamingDestination's request. */
  public static KinesisDestinationInput readEnableOrDisable(JsonInput in) throws IOException {
    return read(in, ENABLE_CONFIGURATION);
  }

  public static KinesisDestinationInput readUpdate(JsonInput in) throws IOException {
    return read(in, UPDATE_CONFIGURATION);
  }

  private static KinesisDestinationInput read(JsonInput in, String configuration) throws IOException {
    String tableName = null;
    String streamArn = null;
    Choice<Precision> precision = null;
    in.beginRequest();
    while (in.nextField()) {
      String field = in.fieldName();
      if (field.equals("TableName")) {
        tableName = in.readString();
      } else if (field.equals("StreamArn")) {
        streamArn = in.readString();
      } else if (field.equals(configuration)) {
        boolean present = in.beginStructure();
        while (present && in.nextField()) {
          if (in.fieldName().equals("ApproximateCreationDateTimePrecision")) {
            precision = in.readChoice(Precision.class);
          } else {
            in.skipValue();
          }
        }
      } else {
        in.skipValue();
      }
    }
    return new KinesisDestinationInput(tableName, streamArn, precision);
  }

  /** Enable- and DisableKinesisStreamingDestination's answer. */
  public static void writeEnableOrDisable(JsonGenerator g, KinesisDestinationOutput out) throws IOException {
    write(g, out, ENABLE_CONFIGURATION);
  }

  public static void writeUpdate(JsonGenerator g, KinesisDestinationOutput out) throws IOException {
    write(g, out, UPDATE_CONFIGURATION);
  }

  private static void write(JsonGenerator g, KinesisDestinationOutput out, String configuration) throws IOException {
    g.writeStartObject();
    g.writeStringField("TableName", out.tableName());
    g.writeStringField("StreamArn", out.streamArn());
    g.writeStringField("DestinationStatus", out.status().name());
    if (out.requestedPrecision() != null) {
      g.writeObjectFieldStart(configuration);
      g.writeStringField("ApproximateCreationDateTimePrecision", out.requestedPrecision().name());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  public static void writeDescribe(JsonGenerator g, DescribeKinesisDestinationsOutput out) throws IOException {
    g.writeStartObject();
    g.writeStringField("TableName", out.tableName());
    g.writeArrayFieldStart("KinesisDataStreamDestinations");
    for (KinesisDestination destination : out.destinations()) {
      g.writeStartObject();
      g.writeStringField("StreamArn", destination.streamArn());
      g.writeStringField("DestinationStatus", destination.status().name());
      if (destination.status() == KinesisDestination.Status.ENABLE_FAILED) {
        g.writeStringField("DestinationStatusDescription", DescribeKinesisDestinationsOutput.NOT_DELIVERED);
      }
      g.writeStringField("ApproximateCreationDateTimePrecision", destination.precision().name());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
