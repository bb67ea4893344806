package io.shaledb.core.op.table;

import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.table.ListGlobalTablesOutput.GlobalTable;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.ConstraintViolations;
import java.util.ArrayList;
import java.util.List;

/**
 * ListGlobalTables: the global tables of version 2017.11.29 this region holds, in name order, at most 100 a page (the
 * API reference's default), only those with a replica in RegionName when it is given.
 */
public final class ListGlobalTables implements Operation<ListGlobalTablesInput, ListGlobalTablesOutput> {
  private static final int MAX_LIMIT = 100;

  private final Database db;

  public ListGlobalTables(Database db) {
    this.db = db;
  }

  @Override
  public void validate(ListGlobalTablesInput in) {
    Long limit = in.limit() == null ? null : in.limit().longValue();
    TableNames.declared(new ConstraintViolations().range("limit", limit, 1, Long.MAX_VALUE),
        "exclusiveStartGlobalTableName", in.exclusiveStartGlobalTableName()).throwIfAny();
  }

  @Override
  public ListGlobalTablesOutput execute(ListGlobalTablesInput in, RequestContext context) {
    int limit = in.limit() == null ? MAX_LIMIT : Math.min(MAX_LIMIT, in.limit());
    List<GlobalTable> page = new ArrayList<>();
    String last = null;
    db.catalog().refresh();
    for (TableMetadata table : db.catalog().list()) {
      boolean passed = in.exclusiveStartGlobalTableName() != null
          && table.name().compareTo(in.exclusiveStartGlobalTableName()) <= 0;
      if (passed || !GlobalTables.isLegacy(table)) {
        continue;
      }
      List<String> regions = GlobalTables.regions(db, table);
      if (in.regionName() != null && !regions.contains(in.regionName())) {
        continue;
      }
      if (page.size() == limit) {
        last = page.getLast().name();
        break;
      }
      page.add(new GlobalTable(table.name(), regions));
    }
    return new ListGlobalTablesOutput(page, last);
  }
}
