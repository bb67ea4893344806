package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.replication.PeerTable;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.validate.Validated;
import java.util.Optional;

/**
 * A peer region's call reading the table of a name here, for the checks of the global tables operations of version
 * 2017.11.29 (docs/global-tables.md, "The replication calls"): its metadata and whether it holds items, or nothing.
 */
public final class InspectTable implements Operation<ReplicaTableInput, Optional<PeerTable>> {
  private final Database db;

  public InspectTable(Database db) {
    this.db = db;
  }

  @Override
  public void validate(ReplicaTableInput in) {
    if (in.sourceRegion() == null || in.tableName() == null) {
      throw DynamoException.validation("InspectTable needs the SourceRegion and the TableName");
    }
  }

  @Override
  public Optional<PeerTable> execute(ReplicaTableInput in, RequestContext context) {
    ReplicaUpdates.requirePeer(db, Validated.present(in.sourceRegion()));
    db.catalog().refresh();
    Optional<TableMetadata> table = db.catalog().find(Validated.present(in.tableName()));
    if (table.isEmpty()) {
      return Optional.empty();
    }
    try (Snapshot snapshot = db.storage().snapshot()) {
      return Optional.of(new PeerTable(table.get(), GlobalTables.empty(snapshot, table.get())));
    }
  }
}
