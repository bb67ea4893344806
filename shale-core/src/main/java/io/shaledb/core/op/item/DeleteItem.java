package io.shaledb.core.op.item;

import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.table.TableNames;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.ConstraintViolations;

/** DeleteItem: removes an item; deleting an absent item succeeds. */
public final class DeleteItem implements Operation<DeleteItemInput, ItemOutput> {
  private final Database db;
  private final ItemStore store;

  public DeleteItem(Database db, ItemStore store) {
    this.db = db;
    this.store = store;
  }

  @Override
  public void validate(DeleteItemInput in) {
    TableNames.requirePresentAndLength(in.tableName());
    ConstraintViolations v = new ConstraintViolations();
    TableNames.pattern(v, "tableName", in.tableName());
    v.notNull("key", in.key());
    CommonParameters.returnValues(v, in.returnValues());
    CommonParameters.returnConsumedCapacity(v, in.returnConsumedCapacity());
    CommonParameters.returnItemCollectionMetrics(v, in.returnItemCollectionMetrics());
    v.throwIfAny();
  }

  @Override
  public ItemOutput execute(DeleteItemInput in) {
    boolean returnOld = ReturnValuesRule.allOldOrNone(in.returnValues());
    TableMetadata table = db.tableForItems(in.tableName());
    byte[] key = ItemKeys.ofKey(table, in.key());
    WriteResult result = store.write(table, key, previous -> null);
    return new ItemOutput(returnOld ? result.previous() : null);
  }
}
