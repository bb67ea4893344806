package io.shaledb.core.op.table;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of ListGlobalTables: each global table's name and regions, and the last name when more may follow. */
public record ListGlobalTablesOutput(List<GlobalTable> globalTables, @Nullable String lastEvaluatedGlobalTableName) {
  public ListGlobalTablesOutput {
    globalTables = List.copyOf(globalTables);
  }

  public record GlobalTable(String name, List<String> regions) {
    public GlobalTable {
      regions = List.copyOf(regions);
    }
  }
}
