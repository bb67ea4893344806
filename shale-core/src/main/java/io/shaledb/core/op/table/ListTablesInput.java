package io.shaledb.core.op.table;

/** ListTables' request, as decoded: any field may be null. */
public record ListTablesInput(String exclusiveStartTableName, Long limit) {}
