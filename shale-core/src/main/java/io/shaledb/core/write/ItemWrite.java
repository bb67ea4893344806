package io.shaledb.core.write;

import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.schema.TableMetadata;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One item a write request touches: its table and key, the condition it must meet, and how it changes the item; a
 * TransactWriteItems ConditionCheck has no change.
 *
 * @param table the table as the request looked it up; the pipeline stages with the metadata its transaction reads
 * @param change how the item changes, or null for a condition check that writes nothing
 */
public record ItemWrite(TableMetadata table, byte[] key, WriteCondition condition, @Nullable ItemChange change) {

  public static ItemWrite put(TableMetadata table, byte[] key, WriteCondition condition,
      Map<String, AttributeValue> item) {
    return new ItemWrite(table, key, condition, previous -> item);
  }

  public static ItemWrite delete(TableMetadata table, byte[] key, WriteCondition condition) {
    return new ItemWrite(table, key, condition, previous -> null);
  }

  public static ItemWrite conditionCheck(TableMetadata table, byte[] key, WriteCondition condition) {
    return new ItemWrite(table, key, condition, null);
  }

  public boolean checkOnly() {
    return change == null;
  }
}
