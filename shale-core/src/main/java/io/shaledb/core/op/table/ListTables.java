package io.shaledb.core.op.table;

import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.ConstraintViolations;
import java.util.ArrayList;
import java.util.List;

/** ListTables: names in ascending order, at most 100 a page. */
public final class ListTables implements Operation<ListTablesInput, ListTablesOutput> {
  private static final int MAX_LIMIT = 100;

  private final Database db;

  public ListTables(Database db) {
    this.db = db;
  }

  @Override
  public void validate(ListTablesInput in) {
    TableNames.declared(new ConstraintViolations().range("limit", in.limit(), 1, MAX_LIMIT),
        "exclusiveStartTableName", in.exclusiveStartTableName()).throwIfAny();
  }

  @Override
  public ListTablesOutput execute(ListTablesInput in, RequestContext context) {
    int limit = in.limit() == null ? MAX_LIMIT : in.limit().intValue();
    List<String> names = new ArrayList<>();
    String last = null;
    // Another server sharing the engine may have created or deleted a table just now.
    db.catalog().refresh();
    for (TableMetadata table : db.catalog().list()) {
      String name = table.name();
      if (in.exclusiveStartTableName() != null && name.compareTo(in.exclusiveStartTableName()) <= 0) {
        continue;
      }
      if (names.size() == limit) {
        last = names.get(names.size() - 1);
        break;
      }
      names.add(name);
    }
    return new ListTablesOutput(names, last);
  }
}
