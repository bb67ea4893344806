package io.shaledb.core.op.table;

import io.shaledb.core.catalog.ReplicaPosition;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.model.Bytes;
import io.shaledb.core.op.Database;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.Replica;
import io.shaledb.core.schema.Replica.ReplicaStatus;
import io.shaledb.core.schema.Replication;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.schema.TableStatus;
import io.shaledb.core.schema.WitnessStatus;
import io.shaledb.core.storage.Snapshot;
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
        Encryption.keyArn(db),
        replicaProgress(db, table));
  }

  /**
   * A table's status as DescribeTable reports it: CREATING while it is created (restored, or filled as a new replica),
   * UPDATING while one of its replicas (or its witness) is being created, deleted or sent a change of the shared
   * settings (UpdateTable
   * keeps a table UPDATING until its change is done, and ReplicaUpdates are UpdateTable's; docs/global-tables.md,
   * "Settings and schema across replicas"), else ACTIVE. The replicas of a global table of version 2017.11.29 are
   * tables of their own, whose progress DescribeGlobalTable reports.
   */
  static TableStatus status(TableMetadata table) {
    if (table.creating()) {
      return TableStatus.CREATING;
    }
    boolean replicaInProgress = table.options().replication().filter(r -> !r.legacy()).stream()
        .flatMap(r -> r.replicas().stream()).anyMatch(r -> r.status() != ReplicaStatus.ACTIVE);
    boolean witnessInProgress = table.options().replication().flatMap(Replication::witness)
        .filter(w -> w.status() != WitnessStatus.ACTIVE).isPresent();
    return replicaInProgress || witnessInProgress ? TableStatus.UPDATING : TableStatus.ACTIVE;
  }

  /**
   * The share of each CREATING replica's backfill already sent. Items lie in the order of their partition key's hash,
   * which spreads them evenly, so the hash where the next batch starts is the share walked.
   */
  private static Map<String, Integer> replicaProgress(Database db, TableMetadata table) {
    Replication replication = table.options().replication().orElse(null);
    if (replication == null) {
      return Map.of();
    }
    Map<String, Integer> progress = new LinkedHashMap<>();
    try (Snapshot snapshot = db.storage().snapshot()) {
      for (Replica replica : replication.replicas()) {
        if (replica.status() == ReplicaStatus.CREATING) {
          Bytes next = ReplicaPosition.read(snapshot, table.keyspace(), replica.region())
              .map(ReplicaPosition::backfillFrom).orElse(null);
          long hash = next == null ? 0 : Integer.toUnsignedLong(KeyCodec.partitionHash(next.toByteArray()));
          progress.put(replica.region(), (int) (hash * 100 / (1L << Integer.SIZE)));
        }
      }
    }
    return progress;
  }
}
