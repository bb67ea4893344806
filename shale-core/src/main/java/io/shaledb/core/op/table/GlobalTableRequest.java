package io.shaledb.core.op.table;

import org.jspecify.annotations.Nullable;

/** A request of the global tables operations of version 2017.11.29, which address a global table by name. */
public interface GlobalTableRequest {
  @Nullable String globalTableName();
}
