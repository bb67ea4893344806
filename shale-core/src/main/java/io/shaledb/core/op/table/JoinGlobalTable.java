package io.shaledb.core.op.table;

import io.shaledb.core.background.Service;
import io.shaledb.core.catalog.ReplicaPosition;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.GlobalTableVersion;
import io.shaledb.core.schema.Replica;
import io.shaledb.core.schema.Replication;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.Validated;
import java.util.List;
import java.util.Optional;

/**
 * A peer region's call joining this region's existing table to the peer's global table of version 2017.11.29
 * (CreateGlobalTable or UpdateGlobalTable there). In one catalog change it checks the table again (same keys and
 * indexes, a stream of both images, no items: the emptiness is read in that change, so a write either came before
 * and refuses the join or comes after and is streamed) and makes the caller and the caller's other regions its
 * replicas, each followed from the stream's next position, as {@link CreateReplicaTable} makes them for a new
 * replica. Calling it again for a table that already replicates with the caller changes nothing.
 */
public final class JoinGlobalTable implements Operation<ReplicaTableInput, Boolean> {
  private final Database db;

  public JoinGlobalTable(Database db) {
    this.db = db;
  }

  @Override
  public void validate(ReplicaTableInput in) {
    if (in.sourceRegion() == null || in.table() == null) {
      throw DynamoException.validation("JoinGlobalTable needs the SourceRegion and the Table");
    }
  }

  @Override
  public Boolean execute(ReplicaTableInput in, RequestContext context) {
    String source = Validated.present(in.sourceRegion());
    TableMetadata origin = Validated.present(in.table());
    ReplicaUpdates.requirePeer(db, source);
    boolean joined = db.catalog().change(change -> {
      TableMetadata table = change.table(origin.name())
          .orElseThrow(() -> GlobalTables.tableNotFound(origin.name(), db.region()));
      if (table.options().replication().flatMap(r -> r.replica(source)).isPresent()) {
        return false;
      }
      GlobalTables.requireJoinable(db.region(), table, origin, GlobalTables.empty(change.storage(), table));
      List<Replica> replicas = CreateReplicaTable.replicasOf(db, origin, source);
      long streamFrom = db.storage().nextVersionstamp();
      for (Replica replica : replicas) {
        ReplicaPosition.streaming(streamFrom).write(change.storage(), table.keyspace(), replica.region());
      }
      change.putTable(table.withOptions(table.options().withReplication(Optional.of(new Replication(
          change.allocateKeyspaces(1), db.clock().instant(), replicas, null, GlobalTableVersion.V2017_11_29)))));
      return true;
    });
    if (joined) {
      db.background().wake(Service.REPLICATION);
    }
    return joined;
  }
}
