package io.shaledb.core.op.item;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import io.shaledb.core.write.IndexEntries;
import io.shaledb.core.write.ItemLimits;
import io.shaledb.core.write.ItemWrite;
import io.shaledb.core.write.WriteOutcome;
import io.shaledb.core.write.WritePipeline;
import java.util.Map;

/** PutItem: creates or replaces a whole item, optionally under a condition on the item it replaces. */
public final class PutItem implements Operation<PutItemInput, ItemOutput> {
  private final Database db;
  private final WritePipeline writes;

  public PutItem(Database db, WritePipeline writes) {
    this.db = db;
    this.writes = writes;
  }

  @Override
  public void validate(PutItemInput in) {
    ConstraintViolations v = ConditionalWrites.checkDeclared(in.tableName(), "item", in.item(),
        in.returnValues(), in.returnConsumedCapacity(), in.returnItemCollectionMetrics(),
        in.returnValuesOnConditionCheckFailure(), in.expected(), in.conditionalOperator());
    v.throwIfAny();
  }

  /** Request validation errors come inside DynamoDB's envelope (see {@link RequestValidationEnvelope}). */
  @Override
  public DynamoException reported(DynamoException error) {
    return RequestValidationEnvelope.reported(error);
  }

  @Override
  public ItemOutput execute(PutItemInput in, RequestContext context) {
    boolean returnOld = ReturnValuesRule.allOldOrNone(in.returnValues());
    ConditionalWrites.Bound condition = ConditionalWrites.conditionOnly(db, in.expressionAttributeNames(),
        in.expressionAttributeValues(), in.conditionExpression(), in.expected(), in.conditionalOperator(),
        in.returnValuesOnConditionCheckFailure());
    Map<String, AttributeValue> item = Validated.present(in.item());
    ItemLimits.checkSize(item);
    TableMetadata table = db.tableForItems(Validated.present(in.tableName()));
    condition.binder().checkKeyPaths(table);
    byte[] key = ItemKeys.ofItem(table, item);
    // The item is whole in the request, so its index keys are checked before the condition reads the stored item.
    IndexEntries.check(table, item);
    WriteOutcome result = writes.write(context, ItemWrite.put(table, key, condition.condition(), item));
    return new ItemOutput(returnOld ? result.previous() : null,
        context.capacity().reportFor(in.returnConsumedCapacity(), table.name()),
        ItemCollectionMetrics.of(in.returnItemCollectionMetrics(), table, result));
  }
}
