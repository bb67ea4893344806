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
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a Query or Scan reads: a table, or one of its indexes. For an index, LastEvaluatedKey carries the index's
 * key and the table's key, and an index entry can be completed from the table when the request wants attributes
 * the index does not project (local indexes only).
 *
 * @param index null when reading the table itself
 * @param fetchFromTable read the whole item from the table for each index entry
 */
record ReadTarget(TableMetadata table, @Nullable IndexMetadata index, boolean fetchFromTable) {
  private static final String INVALID_START = "The provided starting key is invalid";

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
   * The storage key an index's ExclusiveStartKey names: every key attribute of the table and the index, with its
   * declared type, and values an entry can have. The messages are those dynalite recorded from the service (for a
   * shape or type that does not match) and DynamoDB Local 3.3.1 answers (for a value no entry can have).
   */
  byte[] indexStartKey(Map<String, AttributeValue> exclusiveStartKey) {
    IndexMetadata index = Objects.requireNonNull(this.index, "only a read of an index has an index start key");
    if (!exclusiveStartKey.keySet().equals(keyAttributes()) || !hasDeclaredTypes(exclusiveStartKey)) {
      throw DynamoException.validation(INVALID_START);
    }
    DynamoException violation = IndexKeyViolations.find(index, exclusiveStartKey);
    if (violation != null) {
      throw DynamoException.validation(INVALID_START + ": " + violation.getMessage());
    }
    return Objects.requireNonNull(IndexEntries.key(table, index, exclusiveStartKey), "every key attribute is present");
  }

  private boolean hasDeclaredTypes(Map<String, AttributeValue> key) {
    for (KeyAttribute attribute : keys()) {
      AttributeValue value = key.get(attribute.name());
      if (value == null || value.type() != attribute.type().attributeType()) {
        return false;
      }
    }
    return true;
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
