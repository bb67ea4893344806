package io.shaledb.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.api.AttributeAction;
import io.shaledb.core.api.ComparisonOperator;
import io.shaledb.core.api.ConditionalOperator;
import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.api.ReturnItemCollectionMetrics;
import io.shaledb.core.api.ReturnValue;
import io.shaledb.core.api.ReturnValuesOnConditionCheckFailure;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.item.AttributeUpdate;
import io.shaledb.core.op.item.DeleteItemInput;
import io.shaledb.core.op.item.ExpectedCondition;
import io.shaledb.core.op.item.GetItemInput;
import io.shaledb.core.op.item.GetItemOutput;
import io.shaledb.core.op.item.ItemOutput;
import io.shaledb.core.op.item.PutItemInput;
import io.shaledb.core.op.item.UpdateItemInput;
import io.shaledb.core.validate.Choice;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Requests and responses of the single-item operations. */
public final class ItemJson {
  private ItemJson() {}

  public static PutItemInput readPutItem(JsonInput in) throws IOException {
    WriteMembers w = WriteMembers.read(in);
    return new PutItemInput(w.tableName, w.item, w.returnValues, w.capacity, w.metrics, w.condition, w.names,
        w.values, w.returnOnFailure, w.expected, w.conditionalOperator);
  }

  public static DeleteItemInput readDeleteItem(JsonInput in) throws IOException {
    WriteMembers w = WriteMembers.read(in);
    return new DeleteItemInput(w.tableName, w.key, w.returnValues, w.capacity, w.metrics, w.condition, w.names,
        w.values, w.returnOnFailure, w.expected, w.conditionalOperator);
  }

  public static UpdateItemInput readUpdateItem(JsonInput in) throws IOException {
    WriteMembers w = WriteMembers.read(in);
    return new UpdateItemInput(w.tableName, w.key, w.update, w.condition, w.names, w.values, w.returnValues,
        w.capacity, w.metrics, w.returnOnFailure, w.attributeUpdates, w.expected, w.conditionalOperator);
  }

  public static GetItemInput readGetItem(JsonInput in) throws IOException {
    String tableName = null;
    Map<String, AttributeValue> key = null;
    Boolean consistentRead = null;
    List<String> attributesToGet = null;
    String projection = null;
    Map<String, String> names = null;
    Choice<ReturnConsumedCapacity> capacity = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "TableName" -> tableName = in.readString();
        case "Key" -> key = in.readAttributeMap();
        case "ConsistentRead" -> consistentRead = in.readBoolean();
        case "AttributesToGet" -> attributesToGet = in.readList(JsonInput::readString);
        case "ProjectionExpression" -> projection = in.readString();
        case "ExpressionAttributeNames" -> names = in.readMap(JsonInput::readString);
        case "ReturnConsumedCapacity" -> capacity = in.readChoice(ReturnConsumedCapacity.class);
        default -> in.skipValue();
      }
    }
    return new GetItemInput(tableName, key, consistentRead, attributesToGet, projection, names, capacity);
  }

  /** The members of PutItem, DeleteItem and UpdateItem; each operation takes the ones it has. */
  private static final class WriteMembers {
    @Nullable String tableName;
    @Nullable Map<String, AttributeValue> item;
    @Nullable Map<String, AttributeValue> key;
    @Nullable String update;
    @Nullable Choice<ReturnValue> returnValues;
    @Nullable Choice<ReturnConsumedCapacity> capacity;
    @Nullable Choice<ReturnItemCollectionMetrics> metrics;
    @Nullable String condition;
    @Nullable Map<String, String> names;
    @Nullable Map<String, AttributeValue> values;
    @Nullable Choice<ReturnValuesOnConditionCheckFailure> returnOnFailure;
    @Nullable Map<String, ExpectedCondition> expected;
    @Nullable Choice<ConditionalOperator> conditionalOperator;
    @Nullable Map<String, AttributeUpdate> attributeUpdates;

    static WriteMembers read(JsonInput in) throws IOException {
      WriteMembers w = new WriteMembers();
      in.beginRequest();
      while (in.nextField()) {
        switch (in.fieldName()) {
          case "TableName" -> w.tableName = in.readString();
          case "Item" -> w.item = in.readWrittenItem();
          case "Key" -> w.key = in.readAttributeMap();
          case "UpdateExpression" -> w.update = in.readString();
          case "ReturnValues" -> w.returnValues = in.readChoice(ReturnValue.class);
          case "ReturnConsumedCapacity" -> w.capacity = in.readChoice(ReturnConsumedCapacity.class);
          case "ReturnItemCollectionMetrics" -> w.metrics = in.readChoice(ReturnItemCollectionMetrics.class);
          case "ConditionExpression" -> w.condition = in.readString();
          case "ExpressionAttributeNames" -> w.names = in.readMap(JsonInput::readString);
          case "ExpressionAttributeValues" -> w.values = in.readExpressionAttributeValues();
          case "ReturnValuesOnConditionCheckFailure" -> w.returnOnFailure = in.readChoice(ReturnValuesOnConditionCheckFailure.class);
          case "Expected" -> w.expected = in.readMap(ItemJson::readCondition);
          case "ConditionalOperator" -> w.conditionalOperator = in.readChoice(ConditionalOperator.class);
          case "AttributeUpdates" -> w.attributeUpdates = in.readMap(ItemJson::readAttributeUpdate);
          default -> in.skipValue();
        }
      }
      return w;
    }
  }

  /** Reads a legacy condition entry (Expected, QueryFilter, ScanFilter, KeyConditions). */
  static ExpectedCondition readCondition(JsonInput in) throws IOException {
    AttributeValue value = null;
    Boolean exists = null;
    Choice<ComparisonOperator> operator = null;
    List<AttributeValue> list = null;
    if (in.beginStructure()) {
      while (in.nextField()) {
        switch (in.fieldName()) {
          case "Value" -> value = in.readAttributeValue();
          case "Exists" -> exists = in.readBoolean();
          case "ComparisonOperator" -> operator = in.readChoice(ComparisonOperator.class);
          case "AttributeValueList" -> list = in.readAttributeList();
          default -> in.skipValue();
        }
      }
    }
    return new ExpectedCondition(value, exists, operator, list);
  }

  private static AttributeUpdate readAttributeUpdate(JsonInput in) throws IOException {
    AttributeValue value = null;
    Choice<AttributeAction> action = null;
    if (in.beginStructure()) {
      while (in.nextField()) {
        switch (in.fieldName()) {
          case "Value" -> value = in.readAttributeValue();
          case "Action" -> action = in.readChoice(AttributeAction.class);
          default -> in.skipValue();
        }
      }
    }
    return new AttributeUpdate(value, action);
  }

  /** PutItem's and DeleteItem's response: the old item under "Attributes", when asked for and present. */
  public static void writeAttributes(JsonGenerator g, ItemOutput out) throws IOException {
    writeItemUnder(g, "Attributes", out);
  }

  /** GetItem's response: the item under "Item", or no "Item" when there is none. */
  public static void writeGetItem(JsonGenerator g, GetItemOutput out) throws IOException {
    g.writeStartObject();
    if (out.item() != null) {
      g.writeFieldName("Item");
      StoredItemJson.to(g).write(out.item());
    }
    CapacityJson.writeMember(g, out.consumedCapacity());
    g.writeEndObject();
  }

  private static void writeItemUnder(JsonGenerator g, String field, ItemOutput out) throws IOException {
    g.writeStartObject();
    if (out.attributes() != null) {
      g.writeFieldName(field);
      AttributeValueWriter.writeMap(g, out.attributes());
    }
    CapacityJson.writeMember(g, out.consumedCapacity());
    CollectionMetricsJson.writeMember(g, out.itemCollectionMetrics());
    g.writeEndObject();
  }
}
