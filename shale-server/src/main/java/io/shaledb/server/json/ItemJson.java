package io.shaledb.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.item.AttributeUpdate;
import io.shaledb.core.op.item.DeleteItemInput;
import io.shaledb.core.op.item.ExpectedCondition;
import io.shaledb.core.op.item.GetItemInput;
import io.shaledb.core.op.item.ItemOutput;
import io.shaledb.core.op.item.PutItemInput;
import io.shaledb.core.op.item.UpdateItemInput;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Requests and responses of the single-item operations. */
public final class ItemJson {
  private ItemJson() {}

  public static PutItemInput readPutItem(JsonInput in) throws IOException {
    String tableName = null;
    Map<String, AttributeValue> item = null;
    String returnValues = null;
    String capacity = null;
    String metrics = null;
    ConditionalParameters conditional = new ConditionalParameters();
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "TableName" -> tableName = in.readString();
        case "Item" -> item = in.readAttributeMap();
        case "ReturnValues" -> returnValues = in.readString();
        case "ReturnConsumedCapacity" -> capacity = in.readString();
        case "ReturnItemCollectionMetrics" -> metrics = in.readString();
        default -> conditional.read(in);
      }
    }
    return new PutItemInput(tableName, item, returnValues, capacity, metrics, conditional.condition,
        conditional.names, conditional.values, conditional.returnOnFailure, conditional.expected,
        conditional.conditionalOperator);
  }

  public static DeleteItemInput readDeleteItem(JsonInput in) throws IOException {
    String tableName = null;
    Map<String, AttributeValue> key = null;
    String returnValues = null;
    String capacity = null;
    String metrics = null;
    ConditionalParameters conditional = new ConditionalParameters();
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "TableName" -> tableName = in.readString();
        case "Key" -> key = in.readAttributeMap();
        case "ReturnValues" -> returnValues = in.readString();
        case "ReturnConsumedCapacity" -> capacity = in.readString();
        case "ReturnItemCollectionMetrics" -> metrics = in.readString();
        default -> conditional.read(in);
      }
    }
    return new DeleteItemInput(tableName, key, returnValues, capacity, metrics, conditional.condition,
        conditional.names, conditional.values, conditional.returnOnFailure, conditional.expected,
        conditional.conditionalOperator);
  }

  public static UpdateItemInput readUpdateItem(JsonInput in) throws IOException {
    String tableName = null;
    Map<String, AttributeValue> key = null;
    String update = null;
    String returnValues = null;
    String capacity = null;
    String metrics = null;
    ConditionalParameters conditional = new ConditionalParameters();
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "TableName" -> tableName = in.readString();
        case "Key" -> key = in.readAttributeMap();
        case "UpdateExpression" -> update = in.readString();
        case "ReturnValues" -> returnValues = in.readString();
        case "ReturnConsumedCapacity" -> capacity = in.readString();
        case "ReturnItemCollectionMetrics" -> metrics = in.readString();
        default -> conditional.read(in);
      }
    }
    return new UpdateItemInput(tableName, key, update, conditional.condition, conditional.names,
        conditional.values, returnValues, capacity, metrics, conditional.returnOnFailure,
        conditional.attributeUpdates, conditional.expected, conditional.conditionalOperator);
  }

  public static GetItemInput readGetItem(JsonInput in) throws IOException {
    String tableName = null;
    Map<String, AttributeValue> key = null;
    Boolean consistentRead = null;
    List<String> attributesToGet = null;
    String projection = null;
    Map<String, String> names = null;
    String capacity = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "TableName" -> tableName = in.readString();
        case "Key" -> key = in.readAttributeMap();
        case "ConsistentRead" -> consistentRead = in.readBoolean();
        case "AttributesToGet" -> attributesToGet = in.readList(JsonInput::readString);
        case "ProjectionExpression" -> projection = in.readString();
        case "ExpressionAttributeNames" -> names = in.readMap(JsonInput::readString);
        case "ReturnConsumedCapacity" -> capacity = in.readString();
        default -> in.skipValue();
      }
    }
    return new GetItemInput(tableName, key, consistentRead, attributesToGet, projection, names, capacity);
  }

  /**
   * The members every conditional write shares, read while the caller's own switch falls through to it; members
   * it does not know are skipped.
   */
  private static final class ConditionalParameters {
    String condition;
    Map<String, String> names;
    Map<String, AttributeValue> values;
    String returnOnFailure;
    Map<String, ExpectedCondition> expected;
    String conditionalOperator;
    Map<String, AttributeUpdate> attributeUpdates;

    void read(JsonInput in) throws IOException {
      switch (in.fieldName()) {
        case "ConditionExpression" -> condition = in.readString();
        case "ExpressionAttributeNames" -> names = in.readMap(JsonInput::readString);
        case "ExpressionAttributeValues" -> values = in.readAttributeMap();
        case "ReturnValuesOnConditionCheckFailure" -> returnOnFailure = in.readString();
        case "Expected" -> expected = in.readMap(ItemJson::readCondition);
        case "ConditionalOperator" -> conditionalOperator = in.readString();
        case "AttributeUpdates" -> attributeUpdates = in.readMap(ItemJson::readAttributeUpdate);
        default -> in.skipValue();
      }
    }
  }

  /** Reads a legacy condition entry (Expected, QueryFilter, ScanFilter, KeyConditions). */
  static ExpectedCondition readCondition(JsonInput in) throws IOException {
    AttributeValue value = null;
    Boolean exists = null;
    String operator = null;
    List<AttributeValue> list = null;
    if (in.beginStructure()) {
      while (in.nextField()) {
        switch (in.fieldName()) {
          case "Value" -> value = in.readAttributeValue();
          case "Exists" -> exists = in.readBoolean();
          case "ComparisonOperator" -> operator = in.readString();
          case "AttributeValueList" -> list = in.readList(JsonInput::readAttributeValue);
          default -> in.skipValue();
        }
      }
    }
    return new ExpectedCondition(value, exists, operator, list);
  }

  private static AttributeUpdate readAttributeUpdate(JsonInput in) throws IOException {
    AttributeValue value = null;
    String action = null;
    if (in.beginStructure()) {
      while (in.nextField()) {
        switch (in.fieldName()) {
          case "Value" -> value = in.readAttributeValue();
          case "Action" -> action = in.readString();
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

  /** GetItem's response: the item under "Item", or an empty object when there is none. */
  public static void writeItem(JsonGenerator g, ItemOutput out) throws IOException {
    writeItemUnder(g, "Item", out);
  }

  private static void writeItemUnder(JsonGenerator g, String field, ItemOutput out) throws IOException {
    g.writeStartObject();
    if (out.attributes() != null) {
      g.writeFieldName(field);
      AttributeValueWriter.writeMap(g, out.attributes());
    }
    CapacityJson.writeMember(g, out.consumedCapacity());
    g.writeEndObject();
  }
}
