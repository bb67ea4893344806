package io.shaledb.core.op.item;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.table.TableNames;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.ConstraintViolations;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** GetItem. Every read is strongly consistent, which satisfies both ConsistentRead settings. */
public final class GetItem implements Operation<GetItemInput, ItemOutput> {
  private final Database db;
  private final ItemStore store;

  public GetItem(Database db, ItemStore store) {
    this.db = db;
    this.store = store;
  }

  @Override
  public void validate(GetItemInput in) {
    TableNames.requirePresentAndLength(in.tableName());
    ConstraintViolations v = new ConstraintViolations();
    TableNames.pattern(v, "tableName", in.tableName());
    v.notNull("key", in.key());
    v.size("attributesToGet", in.attributesToGet(), String.valueOf(in.attributesToGet()), 1, Integer.MAX_VALUE);
    CommonParameters.returnConsumedCapacity(v, in.returnConsumedCapacity());
    v.throwIfAny();
  }

  @Override
  public ItemOutput execute(GetItemInput in) {
    if (in.attributesToGet() != null && in.projectionExpression() != null) {
      throw DynamoException.validation("Can not use both expression and non-expression parameters in the same"
          + " request: Non-expression parameters: {AttributesToGet} Expression parameters:"
          + " {ProjectionExpression}");
    }
    if (in.attributesToGet() != null) {
      checkNoDuplicates(in.attributesToGet());
    }
    TableMetadata table = db.tableForItems(in.tableName());
    Map<String, AttributeValue> item = store.get(ItemKeys.ofKey(table, in.key()));
    if (item == null || in.attributesToGet() == null) {
      return new ItemOutput(item);
    }
    Map<String, AttributeValue> projected = new LinkedHashMap<>();
    for (String name : in.attributesToGet()) {
      AttributeValue value = item.get(name);
      if (value != null) {
        projected.put(name, value);
      }
    }
    return new ItemOutput(projected);
  }

  private static void checkNoDuplicates(List<String> names) {
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!seen.add(name)) {
        throw DynamoException.validation(
            "One or more parameter values were invalid: Duplicate value in attribute name: " + name);
      }
    }
  }
}
