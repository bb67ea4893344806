package io.shaledb.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.api.ReturnValuesOnConditionCheckFailure;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.PageItem;
import io.shaledb.core.op.partiql.BatchExecuteStatementInput;
import io.shaledb.core.op.partiql.BatchExecuteStatementOutput;
import io.shaledb.core.op.partiql.BatchStatementError;
import io.shaledb.core.op.partiql.BatchStatementRequest;
import io.shaledb.core.op.partiql.BatchStatementResponse;
import io.shaledb.core.op.partiql.ExecuteStatementInput;
import io.shaledb.core.op.partiql.ExecuteStatementOutput;
import io.shaledb.core.op.partiql.ExecuteTransactionInput;
import io.shaledb.core.op.partiql.ExecuteTransactionOutput;
import io.shaledb.core.op.partiql.ParameterizedStatement;
import io.shaledb.core.validate.Choice;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Requests and responses of ExecuteStatement, BatchExecuteStatement and ExecuteTransaction. */
public final class PartiqlJson {
  private PartiqlJson() {}

  public static ExecuteStatementInput readExecuteStatement(JsonInput in) throws IOException {
    String statement = null;
    List<AttributeValue> parameters = null;
    Boolean consistentRead = null;
    String nextToken = null;
    Choice<ReturnConsumedCapacity> capacity = null;
    Long limit = null;
    Choice<ReturnValuesOnConditionCheckFailure> returnOnFailure = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "Statement" -> statement = in.readString();
        case "Parameters" -> parameters = in.readPartiqlParameters();
        case "ConsistentRead" -> consistentRead = in.readBoolean();
        case "NextToken" -> nextToken = in.readString();
        case "ReturnConsumedCapacity" -> capacity = in.readChoice(ReturnConsumedCapacity.class);
        case "Limit" -> limit = in.readLong();
        case "ReturnValuesOnConditionCheckFailure" ->
            returnOnFailure = in.readChoice(ReturnValuesOnConditionCheckFailure.class);
        default -> in.skipValue();
      }
    }
    return new ExecuteStatementInput(statement, parameters, consistentRead, nextToken, capacity, limit,
        returnOnFailure);
  }

  public static BatchExecuteStatementInput readBatchExecuteStatement(JsonInput in) throws IOException {
    List<BatchStatementRequest> statements = null;
    Choice<ReturnConsumedCapacity> capacity = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "Statements" -> statements = in.readList(PartiqlJson::readBatchStatement);
        case "ReturnConsumedCapacity" -> capacity = in.readChoice(ReturnConsumedCapacity.class);
        default -> in.skipValue();
      }
    }
    return new BatchExecuteStatementInput(statements, capacity);
  }

  private static @Nullable BatchStatementRequest readBatchStatement(JsonInput in) throws IOException {
    if (!in.beginStructure()) {
      return null;
    }
    String statement = null;
    List<AttributeValue> parameters = null;
    DynamoException parametersError = null;
    Boolean consistentRead = null;
    Choice<ReturnValuesOnConditionCheckFailure> returnOnFailure = null;
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "Statement" -> statement = in.readString();
        case "Parameters" -> {
          JsonInput.Apart<List<AttributeValue>> read = in.readApart(JsonInput::readPartiqlParameters);
          parameters = read.value();
          parametersError = read.error();
        }
        case "ConsistentRead" -> consistentRead = in.readBoolean();
        case "ReturnValuesOnConditionCheckFailure" ->
            returnOnFailure = in.readChoice(ReturnValuesOnConditionCheckFailure.class);
        default -> in.skipValue();
      }
    }
    return new BatchStatementRequest(statement, parameters, parametersError, consistentRead, returnOnFailure);
  }

  public static ExecuteTransactionInput readExecuteTransaction(JsonInput in) throws IOException {
    List<ParameterizedStatement> statements = null;
    String token = null;
    Choice<ReturnConsumedCapacity> capacity = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "TransactStatements" -> statements = in.readList(PartiqlJson::readParameterizedStatement);
        case "ClientRequestToken" -> token = in.readString();
        case "ReturnConsumedCapacity" -> capacity = in.readChoice(ReturnConsumedCapacity.class);
        default -> in.skipValue();
      }
    }
    return new ExecuteTransactionInput(statements, token, capacity);
  }

  private static @Nullable ParameterizedStatement readParameterizedStatement(JsonInput in) throws IOException {
    if (!in.beginStructure()) {
      return null;
    }
    String statement = null;
    List<AttributeValue> parameters = null;
    Choice<ReturnValuesOnConditionCheckFailure> returnOnFailure = null;
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "Statement" -> statement = in.readString();
        case "Parameters" -> parameters = in.readPartiqlParameters();
        case "ReturnValuesOnConditionCheckFailure" ->
            returnOnFailure = in.readChoice(ReturnValuesOnConditionCheckFailure.class);
        default -> in.skipValue();
      }
    }
    return new ParameterizedStatement(statement, parameters, returnOnFailure);
  }

  public static void writeExecuteStatement(JsonGenerator g, ExecuteStatementOutput out) throws IOException {
    g.writeStartObject();
    if (out.items() != null) {
      writeItems(g, "Items", out.items());
    }
    if (out.nextToken() != null) {
      g.writeStringField("NextToken", out.nextToken());
    }
    CapacityJson.writeMember(g, out.consumedCapacity());
    if (out.lastEvaluatedKey() != null) {
      g.writeFieldName("LastEvaluatedKey");
      AttributeValueWriter.writeMap(g, out.lastEvaluatedKey());
    }
    g.writeEndObject();
  }

  public static void writeBatchExecuteStatement(JsonGenerator g, BatchExecuteStatementOutput out)
      throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("Responses");
    StoredItemJson items = StoredItemJson.to(g);
    for (BatchStatementResponse response : out.responses()) {
      g.writeStartObject();
      BatchStatementError error = response.error();
      if (error != null) {
        g.writeObjectFieldStart("Error");
        g.writeStringField("Code", error.code().name());
        g.writeStringField("Message", error.message());
        if (error.item() != null) {
          g.writeFieldName("Item");
          AttributeValueWriter.writeMap(g, error.item());
        }
        g.writeEndObject();
      }
      if (response.tableName() != null) {
        g.writeStringField("TableName", response.tableName());
      }
      if (response.item() != null) {
        g.writeFieldName("Item");
        items.write(response.item());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    CapacityJson.writeListMember(g, out.consumedCapacity());
    g.writeEndObject();
  }

  public static void writeExecuteTransaction(JsonGenerator g, ExecuteTransactionOutput out) throws IOException {
    g.writeStartObject();
    TransactJson.writeItemResponses(g, out.responses());
    CapacityJson.writeListMember(g, out.consumedCapacity());
    g.writeEndObject();
  }

  private static void writeItems(JsonGenerator g, String member, List<PageItem> items) throws IOException {
    g.writeArrayFieldStart(member);
    StoredItemJson stored = StoredItemJson.to(g);
    for (PageItem item : items) {
      stored.write(item);
    }
    g.writeEndArray();
  }
}
