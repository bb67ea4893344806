package io.shaledb.core.op.item;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.model.ItemSize;
import io.shaledb.core.op.ConsumedCapacity;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.ConstraintViolations;

/** PutItem: creates or replaces a whole item, optionally under a condition on the item it replaces. */
public final class PutItem implements Operation<PutItemInput, ItemOutput> {
  private final Database db;
  private final ItemStore store;

  public PutItem(Database db, ItemStore store) {
    this.db = db;
    this.store = store;
  }

  @Override
  public void validate(PutItemInput in) {
    ConstraintViolations v = ConditionalWrites.checkDeclared(in.tableName(), "item", in.item(),
        in.returnValues(), in.returnConsumedCapacity(), in.returnItemCollectionMetrics(),
        in.returnValuesOnConditionCheckFailure(), in.expected(), in.conditionalOperator());
    v.throwIfAny();
  }

  @Override
  public ItemOutput execute(PutItemInput in) {
    boolean returnOld = ReturnValuesRule.allOldOrNone(in.returnValues());
    WriteCondition condition = ConditionalWrites.conditionOnly(db, in.expressionAttributeNames(),
        in.expressionAttributeValues(), in.conditionExpression(), in.expected(), in.conditionalOperator(),
        in.returnValuesOnConditionCheckFailure());
    if (ItemSize.of(in.item()) > ItemSize.MAX_ITEM_BYTES) {
      throw DynamoException.validation("Item size has exceeded the maximum allowed size");
    }
    TableMetadata table = db.tableForItems(in.tableName());
    byte[] key = ItemKeys.ofItem(table, in.item());
    WriteResult result = store.write(table, key, previous -> {
      condition.check(previous);
      return in.item();
    });
    return new ItemOutput(returnOld ? result.previous() : null,
        ConsumedCapacity.of(in.returnConsumedCapacity(), table.name(), result.writeUnits()),
        ItemCollectionMetrics.of(in.returnItemCollectionMetrics(), table, result));
  }
}
