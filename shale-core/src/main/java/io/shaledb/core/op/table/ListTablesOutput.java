package io.shaledb.core.op.table;

import java.util.List;

/** ListTables' response; {@code lastEvaluatedTableName} is null on the last page. */
public record ListTablesOutput(List<String> tableNames, String lastEvaluatedTableName) {}
