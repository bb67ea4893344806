package io.shaledb.core.write;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.ItemSize;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.KeyAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The index key violations of an item ("Detecting and correcting index key violations" in the developer guide):
 * writes are refused for them, and a backfill leaves such items out of the index. A present index key value may not
 * have another type than its attribute's definition, be an empty string or binary, or be longer than a key may be
 * (2048 bytes for a partition attribute, 1024 for a sort attribute); the values of a multi-attribute partition or
 * sort key may not add up to more than those limits either.
 */
public final class IndexKeyViolations {
  static final int MAX_PARTITION_BYTES = 2048;
  static final int MAX_SORT_BYTES = 1024;

  private IndexKeyViolations() {}

  /**
   * The first violation among an item's present index key values, or null: each attribute in key schema order is
   * checked for its type, emptiness and length (as DynamoDB Local 3.3.1 orders them), then the aggregate sizes.
   */
  public static @Nullable DynamoException find(IndexMetadata index, Map<String, AttributeValue> item) {
    DynamoException problem = valueProblem(index, index.keySchema().partitionKeys(), MAX_PARTITION_BYTES, item);
    if (problem == null) {
      problem = valueProblem(index, index.keySchema().sortKeys(), MAX_SORT_BYTES, item);
    }
    if (problem == null) {
      problem = aggregateProblem(index, "HASH", index.keySchema().partitionKeys(), MAX_PARTITION_BYTES, item);
    }
    if (problem == null) {
      problem = aggregateProblem(index, "RANGE", index.keySchema().sortKeys(), MAX_SORT_BYTES, item);
    }
    return problem;
  }

  /** An empty string or binary as the value of an index's key attribute. */
  public static DynamoException empty(IndexMetadata index, KeyAttribute key, AttributeValue value) {
    return DynamoException.validation("One or more parameter values are not valid. A value specified for a"
        + " secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty "
        + (value instanceof AttributeValue.S ? "string" : "binary") + " value. IndexName: " + index.name()
        + ", IndexKey: " + key.name());
  }

  private static @Nullable DynamoException valueProblem(IndexMetadata index, List<KeyAttribute> keys, int maxBytes,
      Map<String, AttributeValue> item) {
    for (KeyAttribute key : keys) {
      AttributeValue value = item.get(key.name());
      if (value == null) {
        continue;
      }
      if (value.type() != key.type().attributeType()) {
        // DynamoDB's words, as dynalite recorded them.
        return DynamoException.validation("One or more parameter values were invalid: Type mismatch for Index Key "
            + key.name() + " Expected: " + key.type() + " Actual: " + value.type() + " IndexName: " + index.name());
      }
      long size = ItemSize.of(value);
      if (size == 0) { // only a string or a binary can be empty
        return empty(index, key, value);
      }
      if (size > maxBytes) {
        // The service's words, as applications have quoted them (for example dynalite issue 35).
        return DynamoException.validation("One or more parameter values were invalid: Size limit exceeded for Index"
            + " Key " + key.name() + " Actual Size: " + size + " bytes Max Size: " + maxBytes + " bytes IndexName: "
            + index.name());
      }
    }
    return null;
  }

  /** A multi-attribute key's present values that together exceed the limit (DynamoDB Local 3.3.1's words). */
  private static @Nullable DynamoException aggregateProblem(IndexMetadata index, String role, List<KeyAttribute> keys,
      int maxBytes, Map<String, AttributeValue> item) {
    List<String> present = new ArrayList<>(keys.size());
    long total = 0;
    for (KeyAttribute key : keys) {
      AttributeValue value = item.get(key.name());
      if (value != null) {
        present.add(key.name());
        total += ItemSize.of(value);
      }
    }
    if (total <= maxBytes) {
      return null;
    }
    return DynamoException.validation("Aggregate size for " + role + " key attributes " + String.join(", ", present)
        + " of index " + index.name() + " has exceeded limit " + maxBytes + " bytes, with actual size " + total
        + " bytes");
  }
}
