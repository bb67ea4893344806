package io.shaledb.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.api.ReturnItemCollectionMetrics;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.PageItem;
import io.shaledb.core.op.batch.BatchGetItemInput;
import io.shaledb.core.op.batch.BatchGetItemInput.KeysAndAttributes;
import io.shaledb.core.op.batch.BatchGetItemOutput;
import io.shaledb.core.op.batch.BatchWriteItemInput;
import io.shaledb.core.op.batch.BatchWriteItemInput.WriteRequest;
import io.shaledb.core.op.batch.BatchWriteItemOutput;
import io.shaledb.core.validate.Choice;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Requests and responses of BatchGetItem and BatchWriteItem. */
public final class BatchJson {
  private BatchJson() {}

  public static BatchGetItemInput readBatchGet(JsonInput in) throws IOException {
    Map<String, KeysAndAttributes> items = null;
    Choice<ReturnConsumedCapacity> capacity = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "RequestItems" -> items = in.readMap(BatchJson::readKeysAndAttributes);
        case "ReturnConsumedCapacity" -> capacity = in.readChoice(ReturnConsumedCapacity.class);
        default -> in.skipValue();
      }
    }
    return new BatchGetItemInput(items, capacity);
  }

  private static KeysAndAttributes readKeysAndAttributes(JsonInput in) throws IOException {
    List<Map<String, AttributeValue>> keys = null;
    List<String> attributesToGet = null;
    String projection = null;
    Map<String, String> names = null;
    Boolean consistent = null;
    if (in.beginStructure()) {
      while (in.nextField()) {
        switch (in.fieldName()) {
          case "Keys" -> keys = in.readList(JsonInput::readAttributeMap);
          case "AttributesToGet" -> attributesToGet = in.readList(JsonInput::readString);
          case "ProjectionExpression" -> projection = in.readString();
          case "ExpressionAttributeNames" -> names = in.readMap(JsonInput::readString);
          case "ConsistentRead" -> consistent = in.readBoolean();
          default -> in.skipValue();
        }
      }
    }
    return new KeysAndAttributes(keys, attributesToGet, projection, names, consistent);
  }

  public static BatchWriteItemInput readBatchWrite(JsonInput in) throws IOException {
    Map<String, List<WriteRequest>> items = null;
    Choice<ReturnConsumedCapacity> capacity = null;
    Choice<ReturnItemCollectionMetrics> metrics = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "RequestItems" -> items = in.readMap(r -> r.readList(BatchJson::readWriteRequest));
        case "ReturnConsumedCapacity" -> capacity = in.readChoice(ReturnConsumedCapacity.class);
        case "ReturnItemCollectionMetrics" -> metrics = in.readChoice(ReturnItemCollectionMetrics.class);
        default -> in.skipValue();
      }
    }
    return new BatchWriteItemInput(items, capacity, metrics);
  }

  private static WriteRequest readWriteRequest(JsonInput in) throws IOException {
    Map<String, AttributeValue> item = null;
    Map<String, AttributeValue> key = null;
    if (in.beginStructure()) {
      while (in.nextField()) {
        switch (in.fieldName()) {
          case "PutRequest" -> item = readSingleMap(in, "Item");
          case "DeleteRequest" -> key = readSingleMap(in, "Key");
          default -> in.skipValue();
        }
      }
    }
    return new WriteRequest(item, key);
  }

  private static @Nullable Map<String, AttributeValue> readSingleMap(JsonInput in, String member) throws IOException {
    Map<String, AttributeValue> value = null;
    if (in.beginStructure()) {
      while (in.nextField()) {
        if (in.fieldName().equals(member)) {
          value = in.readAttributeMap();
        } else {
          in.skipValue();
        }
      }
    }
    return value;
  }

  public static void writeBatchGet(JsonGenerator g, BatchGetItemOutput out) throws IOException {
    g.writeStartObject();
    g.writeObjectFieldStart("Responses");
    StoredItemJson items = StoredItemJson.to(g);
    for (Map.Entry<String, List<PageItem>> table : out.responses().entrySet()) {
      g.writeArrayFieldStart(table.getKey());
      for (PageItem item : table.getValue()) {
        items.write(item);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    g.writeObjectFieldStart("UnprocessedKeys");
    for (Map.Entry<String, KeysAndAttributes> table : out.unprocessedKeys().entrySet()) {
      KeysAndAttributes k = table.getValue();
      g.writeObjectFieldStart(table.getKey());
      g.writeArrayFieldStart("Keys");
      for (Map<String, AttributeValue> key : Objects.requireNonNull(k.keys(), "unprocessed keys are listed")) {
        AttributeValueWriter.writeMap(g, key);
      }
      g.writeEndArray();
      if (k.attributesToGet() != null) {
        g.writeArrayFieldStart("AttributesToGet");
        for (String name : k.attributesToGet()) {
          g.writeString(name);
        }
        g.writeEndArray();
      }
      if (k.projectionExpression() != null) {
        g.writeStringField("ProjectionExpression", k.projectionExpression());
      }
      if (k.expressionAttributeNames() != null) {
        g.writeObjectFieldStart("ExpressionAttributeNames");
        for (Map.Entry<String, String> name : k.expressionAttributeNames().entrySet()) {
          g.writeStringField(name.getKey(), name.getValue());
        }
        g.writeEndObject();
      }
      if (k.consistentRead() != null) {
        g.writeBooleanField("ConsistentRead", k.consistentRead());
      }
      g.writeEndObject();
    }
    g.writeEndObject();
    CapacityJson.writeListMember(g, out.consumedCapacity());
    g.writeEndObject();
  }

  public static void writeBatchWrite(JsonGenerator g, BatchWriteItemOutput out) throws IOException {
    g.writeStartObject();
    g.writeObjectFieldStart("UnprocessedItems");
    for (Map.Entry<String, List<WriteRequest>> table : out.unprocessedItems().entrySet()) {
      g.writeArrayFieldStart(table.getKey());
      for (WriteRequest request : table.getValue()) {
        g.writeStartObject();
        if (request.putItem() != null) {
          g.writeObjectFieldStart("PutRequest");
          g.writeFieldName("Item");
          AttributeValueWriter.writeMap(g, request.putItem());
        } else {
          g.writeObjectFieldStart("DeleteRequest");
          g.writeFieldName("Key");
          AttributeValueWriter.writeMap(g, Objects.requireNonNull(request.deleteKey(), "a delete has its key"));
        }
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    CapacityJson.writeListMember(g, out.consumedCapacity());
    CollectionMetricsJson.writeByTableMember(g, out.itemCollectionMetrics());
    g.writeEndObject();
  }
}
