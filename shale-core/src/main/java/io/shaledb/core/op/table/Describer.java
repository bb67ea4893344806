package io.shaledb.core.op.table;

import io.shaledb.core.op.Database;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.schema.TableStatus;

/** Builds table descriptions with the live statistics and ARN of a database. */
final class Describer {
  private Describer() {}

  static TableDescription describe(Database db, TableMetadata table, TableStatus status) {
    return new TableDescription(
        table,
        status,
        db.tableArn(table.name()),
        db.statistics().itemCount(table.keyspace()),
        db.statistics().sizeBytes(table.keyspace()));
  }
}
