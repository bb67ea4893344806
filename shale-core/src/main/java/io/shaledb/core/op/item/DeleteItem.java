package io.shaledb.core.op.item;

import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import io.shaledb.core.write.ItemWrite;
import io.shaledb.core.write.WriteOutcome;
import io.shaledb.core.write.WritePipeline;

/** DeleteItem: removes an item, optionally under a condition; deleting an absent item succeeds. */
public final class DeleteItem implements Operation<DeleteItemInput, ItemOutput> {
  private final Database db;
  private final WritePipeline writes;

  public DeleteItem(Database db, WritePipeline writes) {
    this.db = db;
    this.writes = writes;
  }

  @Override
  public void validate(DeleteItemInput in) {
    ConstraintViolations v = ConditionalWrites.checkDeclared(in.tableName(), "key", in.key(),
        in.returnValues(), in.returnConsumedCapacity(), in.returnItemCollectionMetrics(),
        in.returnValuesOnConditionCheckFailure(), in.expected(), in.conditionalOperator());
    v.throwIfAny();
  }

  @Override
  public ItemOutput execute(DeleteItemInput in, RequestContext context) {
    boolean returnOld = ReturnValuesRule.allOldOrNone(in.returnValues());
    ConditionalWrites.Bound condition = ConditionalWrites.conditionOnly(db, in.expressionAttributeNames(),
        in.expressionAttributeValues(), in.conditionExpression(), in.expected(), in.conditionalOperator(),
        in.returnValuesOnConditionCheckFailure());
    TableMetadata table = db.tableForItems(Validated.present(in.tableName()));
    condition.binder().checkKeyPaths(table);
    WriteOutcome result = writes.write(context,
        ItemWrite.delete(table, ItemKeys.ofKey(table, Validated.present(in.key())), condition.condition()));
    return new ItemOutput(returnOld ? result.previous() : null,
        context.capacity().reportFor(in.returnConsumedCapacity(), table.name()),
        ItemCollectionMetrics.of(in.returnItemCollectionMetrics(), table, result));
  }
}
