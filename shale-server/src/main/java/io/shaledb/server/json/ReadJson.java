package io.shaledb.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.api.ConditionalOperator;
import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.api.Select;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.PageItem;
import io.shaledb.core.op.item.ExpectedCondition;
import io.shaledb.core.op.read.QueryInput;
import io.shaledb.core.op.read.ReadPage;
import io.shaledb.core.op.read.ReadRequest;
import io.shaledb.core.op.read.ScanInput;
import io.shaledb.core.validate.Choice;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Requests and responses of Query and Scan. */
public final class ReadJson {
  private ReadJson() {}

  /** The members Query and Scan share, collected while the caller's switch falls through to {@link #read}. */
  private static final class Common {
    @Nullable String tableName;
    @Nullable String indexName;
    @Nullable Choice<Select> select;
    @Nullable List<String> attributesToGet;
    @Nullable String projection;
    @Nullable String filter;
    @Nullable Map<String, String> names;
    @Nullable Map<String, AttributeValue> values;
    @Nullable Long limit;
    @Nullable Boolean consistentRead;
    @Nullable Map<String, AttributeValue> exclusiveStartKey;
    @Nullable Choice<ReturnConsumedCapacity> capacity;
    @Nullable Map<String, ExpectedCondition> legacyFilter;
    @Nullable Choice<ConditionalOperator> conditionalOperator;

    /** @param legacyFilterName QueryFilter or ScanFilter */
    void read(JsonInput in, String legacyFilterName) throws IOException {
      String field = in.fieldName();
      if (field.equals(legacyFilterName)) {
        legacyFilter = in.readMap(ItemJson::readCondition);
        return;
      }
      switch (field) {
        case "TableName" -> tableName = in.readString();
        case "IndexName" -> indexName = in.readString();
        case "Select" -> select = in.readChoice(Select.class);
        case "AttributesToGet" -> attributesToGet = in.readList(JsonInput::readString);
        case "ProjectionExpression" -> projection = in.readString();
        case "FilterExpression" -> filter = in.readString();
        case "ExpressionAttributeNames" -> names = in.readMap(JsonInput::readString);
        case "ExpressionAttributeValues" -> values = in.readExpressionAttributeValues();
        case "Limit" -> limit = in.readLong();
        case "ConsistentRead" -> consistentRead = in.readBoolean();
        case "ExclusiveStartKey" -> exclusiveStartKey = in.readAttributeMap();
        case "ReturnConsumedCapacity" -> capacity = in.readChoice(ReturnConsumedCapacity.class);
        case "ConditionalOperator" -> conditionalOperator = in.readChoice(ConditionalOperator.class);
        default -> in.skipValue();
      }
    }

    ReadRequest build() {
      return new ReadRequest(tableName, indexName, select, attributesToGet, projection, filter, names, values, limit,
          consistentRead, exclusiveStartKey, capacity, legacyFilter, conditionalOperator);
    }
  }

  public static QueryInput readQuery(JsonInput in) throws IOException {
    Common common = new Common();
    String keyCondition = null;
    Map<String, ExpectedCondition> keyConditions = null;
    Boolean forward = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "KeyConditionExpression" -> keyCondition = in.readString();
        case "KeyConditions" -> keyConditions = in.readMap(ItemJson::readCondition);
        case "ScanIndexForward" -> forward = in.readBoolean();
        default -> common.read(in, "QueryFilter");
      }
    }
    return new QueryInput(common.build(), keyCondition, keyConditions, forward);
  }

  public static ScanInput readScan(JsonInput in) throws IOException {
    Common common = new Common();
    Long segment = null;
    Long totalSegments = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "Segment" -> segment = in.readLong();
        case "TotalSegments" -> totalSegments = in.readLong();
        default -> common.read(in, "ScanFilter");
      }
    }
    return new ScanInput(common.build(), segment, totalSegments);
  }

  public static void writePage(JsonGenerator g, ReadPage page) throws IOException {
    g.writeStartObject();
    if (page.items() != null) {
      g.writeArrayFieldStart("Items");
      StoredItemJson storedItems = StoredItemJson.to(g);
      for (PageItem item : page.items()) {
        storedItems.write(item);
      }
      g.writeEndArray();
    }
    g.writeNumberField("Count", page.count());
    g.writeNumberField("ScannedCount", page.scannedCount());
    if (page.lastEvaluatedKey() != null) {
      g.writeFieldName("LastEvaluatedKey");
      AttributeValueWriter.writeMap(g, page.lastEvaluatedKey());
    }
    CapacityJson.writeMember(g, page.consumedCapacity());
    g.writeEndObject();
  }
}
