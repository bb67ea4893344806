package io.shaledb.core.op.table;

import org.jspecify.annotations.Nullable;

/** ListGlobalTables' request, as decoded. */
public record ListGlobalTablesInput(@Nullable String exclusiveStartGlobalTableName, @Nullable Integer limit,
    @Nullable String regionName) {}
