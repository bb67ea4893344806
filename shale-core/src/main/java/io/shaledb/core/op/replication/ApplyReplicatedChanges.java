package io.shaledb.core.op.replication;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.item.ItemKeys;
import io.shaledb.core.replication.ReplicatedChange;
import io.shaledb.core.schema.Replication;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.Validated;
import io.shaledb.core.write.WritePipeline;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Applies a batch of changes a peer region made to its replica of a table here, last writer wins
 * ({@link WritePipeline#applyReplicated}); an empty batch only asks whether the replica is still here. The batch
 * that ends the backfill of a replica the caller created here says so, and makes the replica ACTIVE. A table that
 * is gone, or is not a replica of the caller's any more, is answered ResourceNotFoundException, which tells the
 * caller to stop replicating to this region. It answers how many of the changes were applied (the others were older
 * than what the items hold). The caller's low watermark, when the call carries one, is kept for tombstone
 * reclamation ({@link io.shaledb.core.catalog.ReplicaWatermark}).
 */
public final class ApplyReplicatedChanges implements Operation<ApplyReplicatedChangesInput, Integer> {
  private final Database db;
  private final WritePipeline writes;

  public ApplyReplicatedChanges(Database db, WritePipeline writes) {
    this.db = db;
    this.writes = writes;
  }

  @Override
  public void validate(ApplyReplicatedChangesInput in) {
    if (in.tableName() == null || in.sourceRegion() == null || in.changes() == null) {
      throw DynamoException.validation("ApplyReplicatedChanges needs the TableName, the SourceRegion and the Changes");
    }
  }

  @Override
  public Integer execute(ApplyReplicatedChangesInput in, RequestContext context) {
    String name = Validated.present(in.tableName());
    String source = Validated.present(in.sourceRegion());
    TableMetadata table = db.catalog().find(name).filter(t -> isReplicaOf(t, source))
        .orElseThrow(() -> notAReplica(name, source));
    List<ReplicatedChange> changes = Validated.present(in.changes());
    List<byte[]> keys = changes.stream().map(change -> ItemKeys.ofKey(table, change.keys())).toList();
    Long watermark = in.lowWatermark();
    int applied = writes.applyReplicated(table, source, keys, changes,
        watermark == null ? OptionalLong.empty() : OptionalLong.of(watermark));
    if (applied < 0) {
      throw notAReplica(name, source);
    }
    if (in.filled() && source.equals(table.options().replication().map(Replication::fillingFrom).orElse(null))) {
      markFilled(table);
    }
    return applied;
  }

  /** Opens the replica to item requests: ACTIVE, now that the region that created it has sent all its items. */
  private void markFilled(TableMetadata table) {
    db.catalog().change(change -> {
      change.table(table.name()).filter(t -> t.keyspace() == table.keyspace()).ifPresent(current ->
          current.options().replication().ifPresent(replication -> change.putTable(current.withOptions(
              current.options().withReplication(Optional.of(replication.filled()))))));
      return null;
    });
  }

  private static boolean isReplicaOf(TableMetadata table, String region) {
    return table.options().replication().flatMap(r -> r.replica(region)).isPresent();
  }

  private static DynamoException notAReplica(String name, String source) {
    return DynamoException.resourceNotFound("Requested resource not found: Table: " + name
        + " is not a replica of region " + source);
  }
}
