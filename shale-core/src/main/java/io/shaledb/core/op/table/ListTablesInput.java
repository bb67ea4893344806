package io.shaledb.core.op.table;

import org.jspecify.annotations.Nullable;

/** ListTables' request, as decoded: any field may be null. */
public record ListTablesInput(@Nullable String exclusiveStartTableName, @Nullable Long limit) {}
