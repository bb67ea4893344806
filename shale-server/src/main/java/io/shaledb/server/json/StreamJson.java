package io.shaledb.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.api.ShardFilterType;
import io.shaledb.core.api.ShardIteratorType;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.stream.StreamRequests;
import io.shaledb.core.op.stream.StreamRequests.ChangeRecord;
import io.shaledb.core.op.stream.StreamRequests.DescribeStreamInput;
import io.shaledb.core.op.stream.StreamRequests.DescribeStreamOutput;
import io.shaledb.core.op.stream.StreamRequests.GetRecordsInput;
import io.shaledb.core.op.stream.StreamRequests.GetRecordsOutput;
import io.shaledb.core.op.stream.StreamRequests.GetShardIteratorInput;
import io.shaledb.core.op.stream.StreamRequests.ListStreamsInput;
import io.shaledb.core.op.stream.StreamRequests.ListStreamsOutput;
import io.shaledb.core.op.stream.StreamRequests.ShardDescription;
import io.shaledb.core.op.stream.StreamRequests.ShardFilter;
import io.shaledb.core.stream.StreamDescriptor;
import io.shaledb.core.validate.Choice;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Requests and responses of the DynamoDB Streams API (target prefix DynamoDBStreams_20120810). */
public final class StreamJson {
  private StreamJson() {}

  public static ListStreamsInput readListStreams(JsonInput in) throws IOException {
    String table = null;
    Long limit = null;
    String start = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "TableName" -> table = in.readString();
        case "Limit" -> limit = in.readLong();
        case "ExclusiveStartStreamArn" -> start = in.readString();
        default -> in.skipValue();
      }
    }
    return new ListStreamsInput(table, limit, start);
  }

  public static DescribeStreamInput readDescribeStream(JsonInput in) throws IOException {
    String arn = null;
    Long limit = null;
    String start = null;
    ShardFilter filter = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "StreamArn" -> arn = in.readString();
        case "Limit" -> limit = in.readLong();
        case "ExclusiveStartShardId" -> start = in.readString();
        case "ShardFilter" -> filter = readShardFilter(in);
        default -> in.skipValue();
      }
    }
    return new DescribeStreamInput(arn, limit, start, filter);
  }

  private static @Nullable ShardFilter readShardFilter(JsonInput in) throws IOException {
    if (!in.beginStructure()) {
      return null;
    }
    Choice<ShardFilterType> type = null;
    String shardId = null;
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "Type" -> type = in.readChoice(ShardFilterType.class);
        case "ShardId" -> shardId = in.readString();
        default -> in.skipValue();
      }
    }
    return new ShardFilter(type, shardId);
  }

  public static GetShardIteratorInput readGetShardIterator(JsonInput in) throws IOException {
    String arn = null;
    String shard = null;
    Choice<ShardIteratorType> type = null;
    String sequence = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "StreamArn" -> arn = in.readString();
        case "ShardId" -> shard = in.readString();
        case "ShardIteratorType" -> type = in.readChoice(ShardIteratorType.class);
        case "SequenceNumber" -> sequence = in.readString();
        default -> in.skipValue();
      }
    }
    return new GetShardIteratorInput(arn, shard, type, sequence);
  }

  public static GetRecordsInput readGetRecords(JsonInput in) throws IOException {
    String iterator = null;
    Long limit = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "ShardIterator" -> iterator = in.readString();
        case "Limit" -> limit = in.readLong();
        default -> in.skipValue();
      }
    }
    return new GetRecordsInput(iterator, limit);
  }

  public static void writeListStreams(JsonGenerator g, ListStreamsOutput out) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("Streams");
    for (StreamDescriptor stream : out.streams()) {
      g.writeStartObject();
      g.writeStringField("StreamArn", stream.arn());
      g.writeStringField("TableName", stream.tableName());
      g.writeStringField("StreamLabel", stream.label());
      g.writeEndObject();
    }
    g.writeEndArray();
    if (out.lastEvaluatedStreamArn() != null) {
      g.writeStringField("LastEvaluatedStreamArn", out.lastEvaluatedStreamArn());
    }
    g.writeEndObject();
  }

  public static void writeDescribeStream(JsonGenerator g, DescribeStreamOutput out) throws IOException {
    StreamDescriptor stream = out.stream();
    g.writeStartObject();
    g.writeObjectFieldStart("StreamDescription");
    g.writeStringField("StreamArn", stream.arn());
    g.writeStringField("StreamLabel", stream.label());
    g.writeStringField("StreamStatus", out.status());
    g.writeStringField("StreamViewType", stream.viewType().name());
    writeTime(g, "CreationRequestDateTime", stream.created());
    g.writeStringField("TableName", stream.tableName());
    g.writeArrayFieldStart("KeySchema");
    writeKey(g, stream.hashKey(), "HASH");
    if (stream.rangeKey() != null) {
      writeKey(g, stream.rangeKey(), "RANGE");
    }
    g.writeEndArray();
    g.writeArrayFieldStart("Shards");
    for (ShardDescription shard : out.shards()) {
      g.writeStartObject();
      g.writeStringField("ShardId", shard.shardId());
      if (shard.parentShardId() != null) {
        g.writeStringField("ParentShardId", shard.parentShardId());
      }
      g.writeObjectFieldStart("SequenceNumberRange");
      g.writeStringField("StartingSequenceNumber", shard.startingSequenceNumber());
      if (shard.endingSequenceNumber() != null) {
        g.writeStringField("EndingSequenceNumber", shard.endingSequenceNumber());
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    if (out.lastEvaluatedShardId() != null) {
      g.writeStringField("LastEvaluatedShardId", out.lastEvaluatedShardId());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  public static void writeShardIterator(JsonGenerator g, String iterator) throws IOException {
    g.writeStartObject();
    g.writeStringField("ShardIterator", iterator);
    g.writeEndObject();
  }

  public static void writeGetRecords(JsonGenerator g, GetRecordsOutput out, String region) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("Records");
    for (ChangeRecord record : out.records()) {
      writeRecord(g, record, region);
    }
    g.writeEndArray();
    if (out.nextShardIterator() != null) {
      g.writeStringField("NextShardIterator", out.nextShardIterator());
    }
    g.writeEndObject();
  }

  /** A field every stored change record has (see StreamLog). */
  private static AttributeValue field(Map<String, AttributeValue> fields, String name) {
    AttributeValue value = fields.get(name);
    if (value == null) {
      throw new IllegalStateException("a change record without " + name);
    }
    return value;
  }

  private static void writeRecord(JsonGenerator g, ChangeRecord record, String region) throws IOException {
    Map<String, AttributeValue> f = record.fields();
    String sequence = StreamRequests.sequenceNumber(record.sequenceNumber());
    g.writeStartObject();
    g.writeStringField("eventID", String.format("%032x", record.sequenceNumber()));
    g.writeStringField("eventName", ((AttributeValue.S) field(f, "event")).value());
    g.writeStringField("eventVersion", "1.1");
    g.writeStringField("eventSource", "aws:dynamodb");
    g.writeStringField("awsRegion", region);
    g.writeObjectFieldStart("dynamodb");
    long millis = ((AttributeValue.N) field(f, "time")).value().bigDecimalValue().longValue();
    g.writeFieldName("ApproximateCreationDateTime");
    g.writeNumber(BigDecimal.valueOf(millis / 1000));
    g.writeFieldName("Keys");
    AttributeValueWriter.writeMap(g, ((AttributeValue.M) field(f, "keys")).values());
    if (f.get("new") instanceof AttributeValue.M image) {
      g.writeFieldName("NewImage");
      AttributeValueWriter.writeMap(g, image.values());
    }
    if (f.get("old") instanceof AttributeValue.M image) {
      g.writeFieldName("OldImage");
      AttributeValueWriter.writeMap(g, image.values());
    }
    g.writeStringField("SequenceNumber", sequence);
    g.writeNumberField("SizeBytes", ((AttributeValue.N) field(f, "size")).value().bigDecimalValue().longValue());
    g.writeStringField("StreamViewType", record.viewType().name());
    g.writeEndObject();
    if (f.get("service") instanceof AttributeValue.Bool service && service.value()) {
      g.writeObjectFieldStart("userIdentity");
      g.writeStringField("Type", "Service");
      g.writeStringField("PrincipalId", "dynamodb.amazonaws.com");
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void writeKey(JsonGenerator g, String name, String type) throws IOException {
    g.writeStartObject();
    g.writeStringField("AttributeName", name);
    g.writeStringField("KeyType", type);
    g.writeEndObject();
  }

  private static void writeTime(JsonGenerator g, String field, Instant instant) throws IOException {
    g.writeFieldName(field);
    g.writeNumber(BigDecimal.valueOf(instant.toEpochMilli(), 3));
  }
}
