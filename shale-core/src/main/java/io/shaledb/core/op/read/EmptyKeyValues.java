package io.shaledb.core.op.read;

import io.shaledb.core.keys.SortKeyCondition;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.ItemSize;
import io.shaledb.core.op.item.ItemKeys;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.KeyAttribute;
import io.shaledb.core.schema.KeySchema;
import io.shaledb.core.write.IndexKeyViolations;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Refuses a Query whose key condition names an empty string or binary, which no key can hold, in the words DynamoDB
 * uses for such a key of the table or of an index (as DynamoDB Local 3.3.1 answers a Query; the same words as for a
 * write of such a key).
 */
final class EmptyKeyValues {
  private EmptyKeyValues() {}

  /** @param index null when the Query reads the table */
  static void check(KeyConditions.KeyQuery key, KeySchema schema, @Nullable IndexMetadata index) {
    for (int i = 0; i < key.partitionKeys().size(); i++) {
      check(schema.partitionKeys().get(i), key.partitionKeys().get(i), index);
    }
    for (int i = 0; i < key.sortKeyPrefix().size(); i++) {
      check(schema.sortKeys().get(i), key.sortKeyPrefix().get(i), index);
    }
    if (key.lastSortKey() != null) {
      KeyAttribute sort = schema.sortKeys().get(key.sortKeyPrefix().size());
      for (AttributeValue value : values(key.lastSortKey())) {
        check(sort, value, index);
      }
    }
  }

  private static List<AttributeValue> values(SortKeyCondition condition) {
    return switch (condition) {
      case SortKeyCondition.Equal e -> List.of(e.value());
      case SortKeyCondition.Less l -> List.of(l.value());
      case SortKeyCondition.Greater g -> List.of(g.value());
      case SortKeyCondition.Between b -> List.of(b.low(), b.high());
      case SortKeyCondition.BeginsWith b -> List.of(b.prefix());
    };
  }

  private static void check(KeyAttribute attribute, AttributeValue value, @Nullable IndexMetadata index) {
    if (index == null) {
      ItemKeys.checkNotEmpty(attribute, value);
    } else if (ItemSize.of(value) == 0) {
      throw IndexKeyViolations.empty(index, attribute, value);
    }
  }
}
