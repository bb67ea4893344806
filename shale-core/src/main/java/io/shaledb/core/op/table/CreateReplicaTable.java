package io.shaledb.core.op.table;

import io.shaledb.core.background.Service;
import io.shaledb.core.catalog.ReplicaPosition;
import io.shaledb.core.catalog.SharedSettingsStamp;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.IndexMetadata.IndexStatus;
import io.shaledb.core.schema.MultiRegionConsistency;
import io.shaledb.core.schema.ProvisionedThroughput;
import io.shaledb.core.schema.Replica;
import io.shaledb.core.schema.Replica.ReplicaStatus;
import io.shaledb.core.schema.ReplicaOverrides;
import io.shaledb.core.schema.Replication;
import io.shaledb.core.schema.StreamViewType;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.schema.TableOptions;
import io.shaledb.core.schema.Witness;
import io.shaledb.core.validate.Validated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A peer region's call creating here the replica of one of its tables (docs/global-tables.md): CREATING until the
 * caller has sent all its items (it says so with its last batch), with the same key schema, attribute definitions,
 * indexes (ACTIVE: the table starts empty), billing, throughput (the table's and each global index's
 * OnDemandThroughput too: a replica "uses the source table's on-demand throughput settings" unless overridden, API
 * reference, OnDemandThroughputOverride), table class and time to live, with the overrides the caller's
 * Create gave this replica applied,
 * with a stream of both images and fresh keyspaces, in one catalog change that also makes the caller and the caller's
 * other replicas its replicas, each followed from the stream's next position (the table is empty before it, so
 * nothing earlier is owed). Calling it
 * again for a replica of the same caller answers the table as it is, so the caller may retry.
 */
public final class CreateReplicaTable implements Operation<ReplicaTableInput, TableDescription> {
  private final Database db;

  public CreateReplicaTable(Database db) {
    this.db = db;
  }

  @Override
  public void validate(ReplicaTableInput in) {
    if (in.sourceRegion() == null || in.table() == null) {
      throw DynamoException.validation("CreateReplicaTable needs the SourceRegion and the Table");
    }
  }

  @Override
  public TableDescription execute(ReplicaTableInput in, RequestContext context) {
    String source = Validated.present(in.sourceRegion());
    TableMetadata origin = Validated.present(in.table());
    ReplicaUpdates.requirePeer(db, source);
    TableMetadata created = db.catalog().change(change -> {
      Optional<TableMetadata> existing = change.table(origin.name());
      if (existing.isPresent()) {
        if (existing.get().options().replication().flatMap(r -> r.replica(source)).isPresent()) {
          return existing.get();
        }
        throw ReplicaUpdates.alreadyExisted(origin.name());
      }
      if (change.witnessed(origin.name()).isPresent()) {
        throw ReplicaUpdates.alreadyExisted(origin.name()); // this region witnesses a table of that name
      }
      List<Replica> replicas = replicasOf(db, origin, source);
      ReplicaOverrides own = origin.options().replication().flatMap(r -> r.replica(db.region()))
          .map(Replica::overrides).orElse(ReplicaOverrides.NONE);
      Instant now = db.clock().instant();
      int keyspace = change.allocateKeyspaces(1 + origin.indexes().size());
      List<IndexMetadata> indexes = new ArrayList<>();
      for (IndexMetadata index : origin.indexes()) {
        indexes.add(new IndexMetadata(index.name(), keyspace + 1 + indexes.size(), index.local(), index.keySchema(),
            index.projectionType(), index.nonKeyAttributes(), IndexStatus.ACTIVE, index.provisionedThroughput(),
            now, index.onDemandThroughput()));
      }
      ProvisionedThroughput throughput = ProvisionedThroughput.of(origin.provisionedThroughput().readCapacityUnits(),
          origin.provisionedThroughput().writeCapacityUnits());
      TableMetadata table = new TableMetadata(origin.name(), keyspace, UUID.randomUUID().toString(),
          origin.keySchema(), origin.attributeDefinitions(), origin.billingMode(), throughput,
          origin.billingMode() == BillingMode.PAY_PER_REQUEST ? Optional.of(now) : Optional.empty(), now, Map.of(),
          false, indexes, null, origin.timeToLive(), TableOptions.DEFAULTS
              .withTableClass(origin.options().tableClass())
              .withOnDemandThroughput(origin.options().onDemandThroughput())
              .withReplication(Optional.of(new Replication(change.allocateKeyspaces(1), now, replicas, source)
                  .withOverrides(own).withConsistency(consistencyOf(origin), witnessOf(db, origin)))));
      table = ReplicaSchemas.withOverrides(table, own);
      table = Streams.withNewStream(db, change, table, StreamViewType.NEW_AND_OLD_IMAGES, now);
      long streamFrom = db.storage().nextVersionstamp();
      for (Replica replica : replicas) {
        ReplicaPosition.streaming(streamFrom).write(change.storage(), keyspace, replica.region());
      }
      if (in.settingsStamp() != null) {
        SharedSettingsStamp.write(change.storage(), keyspace, in.settingsStamp());
      }
      change.putTable(table);
      return table;
    });
    db.background().wake(Service.REPLICATION);
    return Describer.describe(db, created, Describer.status(created));
  }

  /** The mode of the global table the caller made: a region learns it with its replica, and it never changes. */
  private static MultiRegionConsistency consistencyOf(TableMetadata origin) {
    return origin.options().replication().map(Replication::consistency).orElse(MultiRegionConsistency.EVENTUAL);
  }

  /** The witness the caller's table names, which this region's proposer asks too: it must be a peer here as well. */
  private static Optional<Witness> witnessOf(Database db, TableMetadata origin) {
    Optional<Witness> witness = origin.options().replication().flatMap(Replication::witness);
    witness.ifPresent(w -> ReplicaUpdates.requirePeer(db, w.region()));
    return witness;
  }

  /**
   * The new replica's replicas: the caller, and each other region the caller replicates the table to, which may not
   * know of this one yet and stays CREATING here until it accepts this region's changes.
   */
  static List<Replica> replicasOf(Database db, TableMetadata origin, String source) {
    ReplicaOverrides sourceOverrides = origin.options().replication().map(Replication::overrides)
        .orElse(ReplicaOverrides.NONE);
    List<Replica> replicas = new ArrayList<>(List.of(new Replica(source, ReplicaStatus.ACTIVE, sourceOverrides)));
    for (Replica other : origin.options().replication().map(Replication::replicas).orElse(List.of())) {
      if (!other.region().equals(db.region()) && other.status() != ReplicaStatus.DELETING) {
        ReplicaUpdates.requirePeer(db, other.region());
        replicas.add(new Replica(other.region(), ReplicaStatus.CREATING, other.overrides()));
      }
    }
    return replicas;
  }
}
