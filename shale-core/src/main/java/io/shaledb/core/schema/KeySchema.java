package io.shaledb.core.schema;

import java.util.Optional;

/** The primary key of a table or index: a partition (HASH) key and an optional sort (RANGE) key. */
public record KeySchema(KeyAttribute partitionKey, Optional<KeyAttribute> sortKey) {

  public static KeySchema of(KeyAttribute partitionKey, KeyAttribute sortKeyOrNull) {
    return new KeySchema(partitionKey, Optional.ofNullable(sortKeyOrNull));
  }

  public boolean isKeyAttribute(String name) {
    return partitionKey.name().equals(name) || sortKey.map(k -> k.name().equals(name)).orElse(false);
  }

  public int size() {
    return sortKey.isPresent() ? 2 : 1;
  }
}
