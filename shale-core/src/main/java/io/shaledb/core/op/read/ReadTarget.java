package io.shaledb.core.op.read;

import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.write.IndexEntries;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.TableMetadata;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a Query or Scan reads: a table, or one of its indexes. For an index, LastEvaluatedKey carries the index's
 * key and the table's key, and an index entry can be completed from the table when the request wants attributes
 * the index does not project (local indexes only).
 *
 * @param index null when reading the table itself
 * @param fetchFromTable read the whole item from the table for each index entry
 */
record ReadTarget(TableMetadata table, IndexMetadata index, boolean fetchFromTable) {

  int keyspace() {
    return index == null ? table.keyspace() : index.keyspace();
  }

  /** The attributes LastEvaluatedKey holds. */
  Set<String> keyAttributes() {
    Set<String> names = new LinkedHashSet<>();
    names.add(table.keySchema().partitionKey().name());
    table.keySchema().sortKey().ifPresent(k -> names.add(k.name()));
    if (index != null) {
      names.add(index.keySchema().partitionKey().name());
      index.keySchema().sortKey().ifPresent(k -> names.add(k.name()));
    }
    return names;
  }

  Map<String, AttributeValue> lastEvaluatedKey(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    for (String name : keyAttributes()) {
      key.put(name, item.get(name));
    }
    return key;
  }

  /** The storage key an ExclusiveStartKey names, or null when it is not a complete key of this target. */
  byte[] startKey(Map<String, AttributeValue> exclusiveStartKey) {
    if (!exclusiveStartKey.keySet().equals(keyAttributes())) {
      return null;
    }
    return index == null ? null : IndexEntries.key(table, index, exclusiveStartKey);
  }
}
