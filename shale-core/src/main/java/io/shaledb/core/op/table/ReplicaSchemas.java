package io.shaledb.core.op.table;

import io.shaledb.core.catalog.CatalogTransaction;
import io.shaledb.core.catalog.SharedSettingsStamp;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.replication.SharedSettings;
import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.IndexMetadata.IndexStatus;
import io.shaledb.core.schema.OnDemandThroughput;
import io.shaledb.core.schema.ProvisionedThroughput;
import io.shaledb.core.schema.Replica;
import io.shaledb.core.schema.Replica.ReplicaStatus;
import io.shaledb.core.schema.ReplicaOverrides;
import io.shaledb.core.schema.ReplicaOverrides.IndexOverride;
import io.shaledb.core.schema.Replication;
import io.shaledb.core.schema.TableClass;
import io.shaledb.core.schema.TableMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the settings replicas share travel between regions (docs/global-tables.md, "Settings and schema across
 * replicas"): a change of them in one region marks its replicas UPDATING, and each replica then takes the sender's
 * settings with its own overrides applied on top.
 */
final class ReplicaSchemas {
  private ReplicaSchemas() {}

  /**
   * {@code after} with its replicas UPDATING when the update changed what replicas share, so the replicator sends it
   * to each, stamped in {@code change} ({@link SharedSettingsStamp}) so that every region keeps the same one of two
   * changes made in different regions at once. A change is refused while a replica is being created or deleted (the
   * replica being created copied the settings when it began, and would miss the change) or is still being sent the
   * previous one: DynamoDB takes one change of a global table at a time, and so does each region here.
   */
  static TableMetadata markReplicasUpdating(Database db, CatalogTransaction change, TableMetadata before,
      TableMetadata after) {
    Replication replication = after.options().replication().orElse(null);
    if (replication == null || replication.legacy() || replication.replicas().isEmpty()
        || SharedSettings.of(before).equals(SharedSettings.of(after))) {
      return after;
    }
    boolean busy = before.options().replication().stream().flatMap(r -> r.replicas().stream())
        .anyMatch(r -> r.status() != ReplicaStatus.ACTIVE);
    if (busy) {
      // The service's words for a change to a table whose replica is in progress (cdkd issue 1442 quotes it).
      throw DynamoException.resourceInUse("The resource which you are attempting to change is in use.");
    }
    SharedSettingsStamp.stampLocalChange(change.storage(), after.keyspace(), db.clock().millis(), db.region());
    List<Replica> replicas = replication.replicas().stream()
        .map(r -> r.status() == ReplicaStatus.ACTIVE ? r.withStatus(ReplicaStatus.UPDATING) : r).toList();
    return after.withOptions(after.options().withReplication(Optional.of(replication.withReplicas(replicas))));
  }

  /**
   * {@code local}, this region's replica, with the shared settings of {@code sender}, the same table in region
   * {@code senderRegion}: its global indexes (a new one CREATING, built here from this region's items; one the sender
   * has no more dropped), billing mode, write capacities, time to live, and each replica's overrides as the sender
   * knows them; then this region's own overrides applied. A read setting the sender overrides for itself says nothing
   * of the shared one, so this region keeps its own there.
   */
  static TableMetadata reconcile(CatalogTransaction change, TableMetadata local, TableMetadata sender,
      String senderRegion, String localRegion, Instant now) {
    Replication localReplication = local.options().replication().orElseThrow();
    Replication senderReplication = sender.options().replication().orElseThrow();
    ReplicaOverrides senderOwn = senderReplication.overrides();
    ReplicaOverrides own = senderReplication.replica(localRegion).map(Replica::overrides)
        .orElse(localReplication.overrides());
    List<Replica> replicas = localReplication.replicas().stream()
        .map(r -> r.region().equals(senderRegion) ? r.withOverrides(senderOwn)
            : senderReplication.replica(r.region()).map(known -> r.withOverrides(known.overrides())).orElse(r))
        .toList();
    boolean provisioned = sender.billingMode() == BillingMode.PROVISIONED;
    boolean wasProvisioned = local.billingMode() == BillingMode.PROVISIONED;
    TableMetadata updated;
    if (provisioned) {
      long read = senderOwn.readCapacityUnits().isPresent() && wasProvisioned
          ? local.provisionedThroughput().readCapacityUnits() : sender.provisionedThroughput().readCapacityUnits();
      updated = local.withCapacity(BillingMode.PROVISIONED, throughput(local.provisionedThroughput(), read,
          sender.provisionedThroughput().writeCapacityUnits()), local.lastUpdateToPayPerRequest());
    } else {
      updated = local.withCapacity(BillingMode.PAY_PER_REQUEST, ProvisionedThroughput.ON_DEMAND,
          wasProvisioned ? Optional.of(now) : local.lastUpdateToPayPerRequest());
    }
    List<IndexMetadata> indexes = new ArrayList<>();
    for (IndexMetadata index : local.indexes()) {
      IndexMetadata shared = sender.index(index.name());
      if (index.local()) {
        indexes.add(index);
      } else if (shared == null || shared.local()) {
        change.dropKeyspace(index.keyspace());
      } else {
        IndexOverride senderIndex = senderOwn.indexes().getOrDefault(index.name(), IndexOverride.NONE);
        long read = senderIndex.readCapacityUnits().isPresent() && wasProvisioned
            ? index.provisionedThroughput().readCapacityUnits() : shared.provisionedThroughput().readCapacityUnits();
        indexes.add(index.withThroughput(provisioned ? throughput(index.provisionedThroughput(), read,
            shared.provisionedThroughput().writeCapacityUnits()) : ProvisionedThroughput.ON_DEMAND,
            onDemand(index.onDemandThroughput(), shared.onDemandThroughput(),
                senderIndex.maxReadRequestUnits().isPresent())));
      }
    }
    for (IndexMetadata shared : sender.indexes()) {
      if (!shared.local() && local.index(shared.name()) == null) {
        indexes.add(new IndexMetadata(shared.name(), change.allocateKeyspaces(1), false, shared.keySchema(),
            shared.projectionType(), shared.nonKeyAttributes(), IndexStatus.CREATING,
            provisioned ? shared.provisionedThroughput() : ProvisionedThroughput.ON_DEMAND, now,
            shared.onDemandThroughput()));
      }
    }
    TableClass tableClass = senderOwn.tableClass().isPresent() ? local.options().tableClass()
        : sender.options().tableClass();
    updated = updated.withIndexes(indexes).withAttributeDefinitions(sender.attributeDefinitions())
        .withTimeToLive(sender.timeToLive());
    updated = updated.withOptions(updated.options().withTableClass(tableClass)
        .withOnDemandThroughput(onDemand(local.options().onDemandThroughput(), sender.options().onDemandThroughput(),
            senderOwn.maxReadRequestUnits().isPresent()))
        .withReplication(Optional.of(localReplication.withReplicas(replicas).withOverrides(own))));
    return withOverrides(updated, own);
  }

  /**
   * {@code table} with {@code own} overrides applied: a replica's read capacity and OnDemandThroughput maximum of
   * reads, its global indexes' too, and its table class.
   */
  static TableMetadata withOverrides(TableMetadata table, ReplicaOverrides own) {
    boolean provisioned = table.billingMode() == BillingMode.PROVISIONED;
    TableMetadata updated = table;
    if (provisioned && own.readCapacityUnits().isPresent()) {
      updated = updated.withCapacity(BillingMode.PROVISIONED, throughput(table.provisionedThroughput(),
          own.readCapacityUnits().get(), table.provisionedThroughput().writeCapacityUnits()),
          table.lastUpdateToPayPerRequest());
    }
    if (own.maxReadRequestUnits().isPresent()) {
      updated = updated.withOptions(updated.options().withOnDemandThroughput(Optional.of(
          withMaxRead(updated.options().onDemandThroughput(), own.maxReadRequestUnits().get()))));
    }
    if (own.tableClass().isPresent()) {
      updated = updated.withOptions(updated.options().withTableClass(own.tableClass().get()));
    }
    List<IndexMetadata> indexes = new ArrayList<>();
    for (IndexMetadata index : updated.indexes()) {
      IndexOverride override = own.indexes().get(index.name());
      if (override == null || index.local()) {
        indexes.add(index);
        continue;
      }
      ProvisionedThroughput throughput = provisioned && override.readCapacityUnits().isPresent()
          ? throughput(index.provisionedThroughput(), override.readCapacityUnits().get(),
              index.provisionedThroughput().writeCapacityUnits())
          : index.provisionedThroughput();
      Optional<OnDemandThroughput> onDemand = override.maxReadRequestUnits().isPresent()
          ? Optional.of(withMaxRead(index.onDemandThroughput(), override.maxReadRequestUnits().get()))
          : index.onDemandThroughput();
      indexes.add(index.withThroughput(throughput, onDemand));
    }
    return updated.withIndexes(indexes);
  }

  /** The shared OnDemandThroughput: the sender's, but for the maximum of reads when the sender overrides its own. */
  private static Optional<OnDemandThroughput> onDemand(Optional<OnDemandThroughput> local,
      Optional<OnDemandThroughput> sender, boolean senderOverridesReads) {
    if (!senderOverridesReads) {
      return sender;
    }
    long maxWrite = sender.map(OnDemandThroughput::maxWriteRequestUnits).orElse(OnDemandThroughput.UNBOUNDED);
    long maxRead = local.map(OnDemandThroughput::maxReadRequestUnits).orElse(OnDemandThroughput.UNBOUNDED);
    return sender.isEmpty() && local.isEmpty() ? Optional.empty()
        : Optional.of(new OnDemandThroughput(maxRead, maxWrite));
  }

  private static OnDemandThroughput withMaxRead(Optional<OnDemandThroughput> current, long maxRead) {
    return new OnDemandThroughput(maxRead,
        current.map(OnDemandThroughput::maxWriteRequestUnits).orElse(OnDemandThroughput.UNBOUNDED));
  }

  /** {@code current} when it already has these capacities (keeping its history), else new ones. */
  private static ProvisionedThroughput throughput(ProvisionedThroughput current, long read, long write) {
    return current.readCapacityUnits() == read && current.writeCapacityUnits() == write ? current
        : ProvisionedThroughput.of(read, write);
  }
}
