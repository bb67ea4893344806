package io.shaledb.core.op.table;

import io.shaledb.core.catalog.SharedSettingsStamp;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.replication.ReplicationStamp;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.Validated;
import java.time.Instant;
import java.util.Optional;

/**
 * A peer region's call bringing this region's replica of one of its tables to the settings replicas share, as the
 * caller's table has them now (docs/global-tables.md, "Settings and schema across replicas"), in one catalog change:
 * a global index the caller has and this region not is created here and built from this region's items, one it has
 * no more is dropped. Settings stamped earlier than those this region has are ignored: of two changes made in different
 * regions at once, every region keeps the later ({@link SharedSettingsStamp}). Calling it again with the same table
 * changes nothing, so the caller may retry. A table that is
 * not a replica of the caller's is answered ResourceNotFoundException, as the other replication calls answer it.
 */
public final class UpdateReplicaTable implements Operation<ReplicaTableInput, Boolean> {
  private final Database db;

  public UpdateReplicaTable(Database db) {
    this.db = db;
  }

  @Override
  public void validate(ReplicaTableInput in) {
    if (in.sourceRegion() == null || in.table() == null) {
      throw DynamoException.validation("UpdateReplicaTable needs the SourceRegion and the Table");
    }
  }

  @Override
  public Boolean execute(ReplicaTableInput in, RequestContext context) {
    String source = Validated.present(in.sourceRegion());
    TableMetadata sender = Validated.present(in.table());
    if (sender.options().replication().isEmpty()) {
      throw DynamoException.validation("UpdateReplicaTable needs a table with replicas");
    }
    ReplicationStamp stamp = in.settingsStamp();
    Instant now = db.clock().instant();
    Changed changed = db.catalog().change(change -> {
      TableMetadata local = change.table(sender.name())
          .filter(t -> t.options().replication().flatMap(r -> r.replica(source)).isPresent())
          .orElseThrow(() -> DynamoException.resourceNotFound("Requested resource not found: Table: "
              + sender.name() + " is not a replica of region " + source));
      Optional<ReplicationStamp> held = SharedSettingsStamp.read(change.storage(), local.keyspace());
      if (stamp != null && held.filter(h -> h.isAfter(stamp)).isPresent()) {
        // A later change (made here, or by a third region) wins; it reaches the sender from where it was made.
        return Optional.<Changed>empty();
      }
      if (stamp != null) {
        SharedSettingsStamp.write(change.storage(), local.keyspace(), stamp);
      }
      TableMetadata updated = ReplicaSchemas.reconcile(change, local, sender, source, db.region(), now);
      if (updated.equals(local)) {
        return Optional.<Changed>empty();
      }
      change.putTable(updated);
      return Optional.of(new Changed(local, updated));
    }).orElse(null);
    if (changed != null) {
      IndexChanges.afterCommit(db, changed.before(), changed.after());
    }
    return changed != null;
  }

  /** The table before and after the change. */
  private record Changed(TableMetadata before, TableMetadata after) {}
}
