package io.shaledb.core.op.table;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** ListTables' response; {@code lastEvaluatedTableName} is null on the last page. */
public record ListTablesOutput(List<String> tableNames, @Nullable String lastEvaluatedTableName) {}
