package io.shaledb.core.keys;

import io.shaledb.core.model.AttributeValue;

/** A Query's condition on the sort key, which becomes one contiguous key range. */
public sealed interface SortKeyCondition {
  record Equal(AttributeValue value) implements SortKeyCondition {}

  record Less(AttributeValue value, boolean inclusive) implements SortKeyCondition {}

  record Greater(AttributeValue value, boolean inclusive) implements SortKeyCondition {}

  record Between(AttributeValue low, AttributeValue high) implements SortKeyCondition {}

  /** S or B values starting with {@code prefix}. */
  record BeginsWith(AttributeValue prefix) implements SortKeyCondition {}
}
