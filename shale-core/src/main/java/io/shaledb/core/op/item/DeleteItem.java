package io.shaledb.core.op.item;

import io.shaledb.core.op.ConsumedCapacity;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.ConstraintViolations;

/** DeleteItem: removes an item, optionally under a condition; deleting an absent item succeeds. */
public final class DeleteItem implements Operation<DeleteItemInput, ItemOutput> {
  private final Database db;
  private final ItemStore store;

  public DeleteItem(Database db, ItemStore store) {
    this.db = db;
    this.store = store;
  }

  @Override
  public void validate(DeleteItemInput in) {
    ConstraintViolations v = ConditionalWrites.checkDeclared(in.tableName(), "key", in.key(),
        in.returnValues(), in.returnConsumedCapacity(), in.returnItemCollectionMetrics(),
        in.returnValuesOnConditionCheckFailure(), in.expected(), in.conditionalOperator());
    v.throwIfAny();
  }

  @Override
  public ItemOutput execute(DeleteItemInput in) {
    boolean returnOld = ReturnValuesRule.allOldOrNone(in.returnValues());
    WriteCondition condition = ConditionalWrites.conditionOnly(db, in.expressionAttributeNames(),
        in.expressionAttributeValues(), in.conditionExpression(), in.expected(), in.conditionalOperator(),
        in.returnValuesOnConditionCheckFailure());
    TableMetadata table = db.tableForItems(in.tableName());
    byte[] key = ItemKeys.ofKey(table, in.key());
    WriteResult result = store.write(table, key, previous -> {
      condition.check(previous);
      return null;
    });
    return new ItemOutput(returnOld ? result.previous() : null,
        ConsumedCapacity.of(in.returnConsumedCapacity(), table.name(), result.writeUnits()),
        ItemCollectionMetrics.of(in.returnItemCollectionMetrics(), table, result));
  }
}
