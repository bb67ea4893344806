package io.shaledb.core.op.read;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.KeyAttribute;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.write.IndexEntries;
import io.shaledb.core.write.IndexKeyViolations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
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

  /** The attributes LastEvaluatedKey holds: the table's key, then the index's. */
  Set<String> keyAttributes() {
    Set<String> names = new LinkedHashSet<>();
    for (KeyAttribute key : keys()) {
      names.add(key.name());
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

  /**
   * The storage key an index's ExclusiveStartKey names, or null when it is not a complete key of this target with
   * the declared types.
   *
   * @throws DynamoException when an index key value is one no entry can have (empty or too long)
   */
  byte[] startKey(Map<String, AttributeValue> exclusiveStartKey) {
    if (index == null || !exclusiveStartKey.keySet().equals(keyAttributes())) {
      return null;
    }
    for (KeyAttribute key : keys()) {
      if (exclusiveStartKey.get(key.name()).type() != key.type().attributeType()) {
        return null;
      }
    }
    DynamoException violation = IndexKeyViolations.find(index, exclusiveStartKey);
    if (violation != null) {
      throw DynamoException.validation("The provided starting key is invalid: " + violation.getMessage());
    }
    return IndexEntries.key(table, index, exclusiveStartKey);
  }

  /** The table's key attributes, then the index's. */
  private List<KeyAttribute> keys() {
    List<KeyAttribute> keys = new ArrayList<>(table.keySchema().attributes());
    if (index != null) {
      keys.addAll(index.keySchema().attributes());
    }
    return keys;
  }
}
