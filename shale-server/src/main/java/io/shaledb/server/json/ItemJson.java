package io.shaledb.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.item.DeleteItemInput;
import io.shaledb.core.op.item.GetItemInput;
import io.shaledb.core.op.item.ItemOutput;
import io.shaledb.core.op.item.PutItemInput;
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
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "TableName" -> tableName = in.readString();
        case "Item" -> item = in.readAttributeMap();
        case "ReturnValues" -> returnValues = in.readString();
        case "ReturnConsumedCapacity" -> capacity = in.readString();
        case "ReturnItemCollectionMetrics" -> metrics = in.readString();
        default -> in.skipValue();
      }
    }
    return new PutItemInput(tableName, item, returnValues, capacity, metrics);
  }

  public static DeleteItemInput readDeleteItem(JsonInput in) throws IOException {
    String tableName = null;
    Map<String, AttributeValue> key = null;
    String returnValues = null;
    String capacity = null;
    String metrics = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "TableName" -> tableName = in.readString();
        case "Key" -> key = in.readAttributeMap();
        case "ReturnValues" -> returnValues = in.readString();
        case "ReturnConsumedCapacity" -> capacity = in.readString();
        case "ReturnItemCollectionMetrics" -> metrics = in.readString();
        default -> in.skipValue();
      }
    }
    return new DeleteItemInput(tableName, key, returnValues, capacity, metrics);
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
    g.writeEndObject();
  }
}
