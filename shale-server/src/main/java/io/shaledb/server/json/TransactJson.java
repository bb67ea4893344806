package io.shaledb.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.api.ReturnItemCollectionMetrics;
import io.shaledb.core.api.ReturnValuesOnConditionCheckFailure;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.PageItem;
import io.shaledb.core.op.tx.TransactAction;
import io.shaledb.core.op.tx.TransactGetItemsInput;
import io.shaledb.core.op.tx.TransactGetItemsInput.Get;
import io.shaledb.core.op.tx.TransactOutput;
import io.shaledb.core.op.tx.TransactWriteItemsInput;
import io.shaledb.core.validate.Choice;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Requests and responses of TransactWriteItems and TransactGetItems. */
public final class TransactJson {
  private TransactJson() {}

  public static TransactWriteItemsInput readTransactWrite(JsonInput in) throws IOException {
    List<TransactAction> actions = null;
    String token = null;
    Choice<ReturnConsumedCapacity> capacity = null;
    Choice<ReturnItemCollectionMetrics> metrics = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "TransactItems" -> actions = in.readList(TransactJson::readAction);
        case "ClientRequestToken" -> token = in.readString();
        case "ReturnConsumedCapacity" -> capacity = in.readChoice(ReturnConsumedCapacity.class);
        case "ReturnItemCollectionMetrics" -> metrics = in.readChoice(ReturnItemCollectionMetrics.class);
        default -> in.skipValue();
      }
    }
    return new TransactWriteItemsInput(actions, token, capacity, metrics);
  }

  /** A TransactWriteItem: the one of Put, Update, Delete or ConditionCheck that is set, or null. */
  private static @Nullable TransactAction readAction(JsonInput in) throws IOException {
    TransactAction action = null;
    if (in.beginStructure()) {
      while (in.nextField()) {
        String kind = in.fieldName();
        if (!in.isPresent() || !List.of("Put", "Update", "Delete", "ConditionCheck").contains(kind)) {
          in.skipValue();
          continue;
        }
        action = readBody(in, kind);
      }
    }
    return action;
  }

  private static TransactAction readBody(JsonInput in, String kind) throws IOException {
    String table = null;
    Map<String, AttributeValue> item = null;
    Map<String, AttributeValue> key = null;
    String update = null;
    String condition = null;
    Map<String, String> names = null;
    Map<String, AttributeValue> values = null;
    Choice<ReturnValuesOnConditionCheckFailure> returnOnFailure = null;
    in.beginStructure();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "TableName" -> table = in.readString();
        case "Item" -> item = in.readAttributeMap();
        case "Key" -> key = in.readAttributeMap();
        case "UpdateExpression" -> update = in.readString();
        case "ConditionExpression" -> condition = in.readString();
        case "ExpressionAttributeNames" -> names = in.readMap(JsonInput::readString);
        case "ExpressionAttributeValues" -> values = in.readExpressionAttributeValues();
        case "ReturnValuesOnConditionCheckFailure" -> returnOnFailure = in.readChoice(ReturnValuesOnConditionCheckFailure.class);
        default -> in.skipValue();
      }
    }
    return switch (kind) {
      case "Put" -> new TransactAction.Put(table, item, condition, names, values, returnOnFailure);
      case "Update" -> new TransactAction.Update(table, key, update, condition, names, values, returnOnFailure);
      case "Delete" -> new TransactAction.Delete(table, key, condition, names, values, returnOnFailure);
      default -> new TransactAction.ConditionCheck(table, key, condition, names, values, returnOnFailure);
    };
  }

  public static TransactGetItemsInput readTransactGet(JsonInput in) throws IOException {
    List<Get> gets = null;
    Choice<ReturnConsumedCapacity> capacity = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "TransactItems" -> gets = in.readList(TransactJson::readGet);
        case "ReturnConsumedCapacity" -> capacity = in.readChoice(ReturnConsumedCapacity.class);
        default -> in.skipValue();
      }
    }
    return new TransactGetItemsInput(gets, capacity);
  }

  private static @Nullable Get readGet(JsonInput in) throws IOException {
    Get get = null;
    if (in.beginStructure()) {
      while (in.nextField()) {
        if (!in.fieldName().equals("Get") || !in.beginStructure()) {
          in.skipValue();
          continue;
        }
        String table = null;
        Map<String, AttributeValue> key = null;
        String projection = null;
        Map<String, String> names = null;
        while (in.nextField()) {
          switch (in.fieldName()) {
            case "TableName" -> table = in.readString();
            case "Key" -> key = in.readAttributeMap();
            case "ProjectionExpression" -> projection = in.readString();
            case "ExpressionAttributeNames" -> names = in.readMap(JsonInput::readString);
            default -> in.skipValue();
          }
        }
        get = new Get(table, key, projection, names);
      }
    }
    return get;
  }

  public static void writeTransactWrite(JsonGenerator g, TransactOutput out) throws IOException {
    g.writeStartObject();
    CapacityJson.writeListMember(g, out.consumedCapacity());
    CollectionMetricsJson.writeByTableMember(g,
        Objects.requireNonNull(out.itemCollectionMetrics(), "TransactWriteItems has item collection metrics"));
    g.writeEndObject();
  }

  public static void writeTransactGet(JsonGenerator g, TransactOutput out) throws IOException {
    g.writeStartObject();
    writeItemResponses(g, Objects.requireNonNull(out.items(), "TransactGetItems has its items"));
    CapacityJson.writeListMember(g, out.consumedCapacity());
    g.writeEndObject();
  }

  /** The Responses of a read transaction: one ItemResponse per read, in order, empty where the item is absent. */
  static void writeItemResponses(JsonGenerator g, List<PageItem> responses) throws IOException {
    g.writeArrayFieldStart("Responses");
    StoredItemJson items = StoredItemJson.to(g);
    for (PageItem item : responses) {
      g.writeStartObject();
      if (item != null) {
        g.writeFieldName("Item");
        items.write(item);
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
