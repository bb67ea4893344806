package io.shaledb.core.op.table;

import io.shaledb.core.op.Database;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.schema.TableStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds table descriptions with the live statistics and ARN of a database. */
final class Describer {
  private Describer() {}

  static TableDescription describe(Database db, TableMetadata table, TableStatus status) {
    Map<String, Long> counts = new LinkedHashMap<>();
    Map<String, Long> sizes = new LinkedHashMap<>();
    for (IndexMetadata index : table.indexes()) {
      counts.put(index.name(), db.statistics().itemCount(index.keyspace()));
      sizes.put(index.name(), db.statistics().sizeBytes(index.keyspace()));
    }
    return new TableDescription(
        table,
        status,
        db.tableArn(table.name()),
        db.statistics().itemCount(table.keyspace()),
        db.statistics().sizeBytes(table.keyspace()),
        counts,
        sizes,
        Streams.latest(db, table.name()),
        Encryption.keyArn(db));
  }
}
