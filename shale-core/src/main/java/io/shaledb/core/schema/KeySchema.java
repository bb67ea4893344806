package io.shaledb.core.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The key of a table or index: its partition (HASH) attributes, then its sort (RANGE) attributes, each in key schema
 * order. Tables and local indexes have one partition attribute and at most one sort attribute; a global index may
 * have up to four of each (multi-attribute keys), which DynamoDB hashes together for the partition and compares one
 * after another for the order within it.
 */
public record KeySchema(List<KeyAttribute> partitionKeys, List<KeyAttribute> sortKeys) {

  public KeySchema {
    partitionKeys = List.copyOf(partitionKeys);
    sortKeys = List.copyOf(sortKeys);
    if (partitionKeys.isEmpty()) {
      throw new IllegalArgumentException("a key has at least one partition attribute");
    }
  }

  public static KeySchema of(KeyAttribute partitionKey, @Nullable KeyAttribute sortKeyOrNull) {
    return new KeySchema(List.of(partitionKey), sortKeyOrNull == null ? List.of() : List.of(sortKeyOrNull));
  }

  /** Whether the key has several partition or several sort attributes (global indexes only). */
  public boolean hasMultipleAttributes() {
    return partitionKeys.size() > 1 || sortKeys.size() > 1;
  }

  /** The partition key of a key of one partition attribute: every table's and local index's. */
  public KeyAttribute partitionKey() {
    requireSingleAttributes();
    return partitionKeys.getFirst();
  }

  /** The sort key of a key of at most one sort attribute: every table's and local index's. */
  public Optional<KeyAttribute> sortKey() {
    requireSingleAttributes();
    return sortKeys.isEmpty() ? Optional.empty() : Optional.of(sortKeys.getFirst());
  }

  /** Every key attribute: the partition attributes, then the sort attributes. */
  public List<KeyAttribute> attributes() {
    List<KeyAttribute> all = new ArrayList<>(partitionKeys);
    all.addAll(sortKeys);
    return all;
  }

  public boolean isKeyAttribute(String name) {
    for (KeyAttribute key : partitionKeys) {
      if (key.name().equals(name)) {
        return true;
      }
    }
    for (KeyAttribute key : sortKeys) {
      if (key.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  public int size() {
    return partitionKeys.size() + sortKeys.size();
  }

  private void requireSingleAttributes() {
    if (hasMultipleAttributes()) {
      throw new IllegalStateException("a multi-attribute key has no single partition or sort key: " + this);
    }
  }
}
