package io.shaledb.core.op.table;

import io.shaledb.core.catalog.CatalogTransaction;
import io.shaledb.core.catalog.ReplicaPosition;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.table.UpdateTableInput.ReplicaIndexUpdate;
import io.shaledb.core.op.table.UpdateTableInput.ReplicaUpdate;
import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.Replica;
import io.shaledb.core.schema.Replica.ReplicaStatus;
import io.shaledb.core.schema.Replication;
import io.shaledb.core.schema.StreamSettings;
import io.shaledb.core.schema.StreamViewType;
import io.shaledb.core.schema.TableClass;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * UpdateTable's ReplicaUpdates (global tables version 2019.11.21): a Create adds a replica in a peer region as
 * CREATING, an Update sets a replica's overrides (then sent to the replicas as UpdateTable's other changes of shared
 * settings are, {@link ReplicaSchemas}), a Delete marks one DELETING; the {@code Replicator} service does the rest (docs/global-tables.md). The
 * messages are DynamoDB's as the AWS provider for Terraform quotes them (internal/service/dynamodb/table.go) and
 * as emulators of the service record them.
 */
final class ReplicaUpdates {
  static final String LOCAL_REGION = "Cannot add, delete, or update the local region through ReplicaUpdates. Use"
      + " CreateTable, DeleteTable, or UpdateTable as required.";
  static final String NOT_FOUND =
      "Replica specified in the Replica Update or Replica Delete action of the request was not found.";
  /** DynamoDB refuses to turn off the stream that replication reads (terraform-aws-dynamodb-table pull request 30). */
  static final String STREAM_REQUIRED =
      "One or more parameter values were invalid: Disabling Stream is not allowed for a Global Table replica.";

  /** DynamoDB's answer to DeleteTable of a region a new replica is being added from (cdkd issue 1442 quotes it). */
  static final String ADDING_REPLICAS = "Replica cannot be deleted because it has acted as a source region for new"
      + " replica(s) being added to the table in the last 24 hours.";

  private ReplicaUpdates() {}

  /**
   * Refuses to delete a table while a replica of it is CREATING: this region is copying its items there, or may be
   * (a region it was told of). DynamoDB refuses for 24 hours after the replica was added; ShaleDB until it is ACTIVE.
   */
  static void refuseWhileAddingReplicas(TableMetadata table) {
    if (table.options().replication().filter(r -> r.replicas().stream()
        .anyMatch(replica -> replica.status() == ReplicaStatus.CREATING)).isPresent()) {
      throw DynamoException.validation(ADDING_REPLICAS);
    }
  }

  /**
   * The declared constraints of one entry at {@code path} (the API reference's: a region, positive capacities, an
   * index name of 3 to 255 characters, a known table class).
   */
  static void checkDeclared(ConstraintViolations v, String path, ReplicaUpdate update) {
    v.notNull(path + ".regionName", update.regionName());
    v.range(path + ".provisionedThroughputOverride.readCapacityUnits", update.readCapacityUnits(), 1,
        Long.MAX_VALUE);
    v.oneOf(path + ".tableClassOverride", update.tableClass(), TableClass.values());
    List<ReplicaIndexUpdate> indexes = update.globalSecondaryIndexes();
    for (int i = 0; indexes != null && i < indexes.size(); i++) {
      String indexPath = path + ".globalSecondaryIndexes." + (i + 1) + ".member";
      v.notNull(indexPath + ".indexName", indexes.get(i).indexName())
          .length(indexPath + ".indexName", indexes.get(i).indexName(), 3, 255);
      v.range(indexPath + ".provisionedThroughputOverride.readCapacityUnits", indexes.get(i).readCapacityUnits(), 1,
          Long.MAX_VALUE);
    }
  }

  /** Refuses what needs no table: an entry without an action, and the local region. */
  static void check(Database db, List<ReplicaUpdate> updates) {
    for (ReplicaUpdate update : updates) {
      if (update.action() == null) {
        // ShaleDB's words for an entry DynamoDB's model requires one action of.
        throw DynamoException.validation("One or more parameter values were invalid: a ReplicaUpdates entry needs"
            + " one of Create, Update or Delete");
      }
      if (db.region().equals(update.regionName())) {
        throw DynamoException.validation(LOCAL_REGION);
      }
    }
  }

  /**
   * Applies the updates to {@code table} in {@code change}. A Create records where the replica's changes start: the
   * stream's next position, read in the change before it commits, so every write committed after the change (which
   * reads the new catalog entry and so is stamped and streamed) is at or after it, and every earlier one is in any
   * snapshot the backfill takes later.
   */
  static TableMetadata apply(Database db, CatalogTransaction change, TableMetadata table, List<ReplicaUpdate> updates,
      Instant now) {
    if (GlobalTables.isLegacy(table)) {
      // ShaleDB's words: DynamoDB keeps a table in one global table of one version, and no answer is on record.
      throw DynamoException.validation("One or more parameter values were invalid: table " + table.name()
          + " is a global table of version 2017.11.29, whose replicas UpdateGlobalTable adds and removes");
    }
    TableMetadata updated = table;
    for (ReplicaUpdate update : updates) {
      String region = Validated.present(update.regionName());
      Optional<Replication> replication = updated.options().replication();
      boolean present = replication.flatMap(r -> r.replica(region)).isPresent();
      switch (Validated.present(update.action())) {
        case CREATE -> {
          if (present) {
            throw alreadyExisted(table.name());
          }
          requirePeer(db, region);
          checkOverrides(updated, update);
          updated = withReplicationStream(db, change, updated, now);
          Replication next = replication.orElseGet(() -> new Replication(change.allocateKeyspaces(1), now, List.of()))
              .with(new Replica(region, ReplicaStatus.CREATING, update.overrides()));
          ReplicaPosition.toCreate(db.storage().nextVersionstamp()).write(change.storage(), table.keyspace(), region);
          updated = updated.withOptions(updated.options().withReplication(Optional.of(next)));
        }
        case DELETE -> {
          if (!present) {
            throw DynamoException.validation(NOT_FOUND);
          }
          Replication current = replication.orElseThrow();
          if (current.replica(region).filter(r -> r.status() == ReplicaStatus.CREATING).isPresent()) {
            // The service's words for a change to a table whose replica is in progress (cdkd issue 1442 quotes it).
            throw DynamoException.resourceInUse("The resource which you are attempting to change is in use.");
          }
          updated = updated.withOptions(updated.options().withReplication(Optional.of(
              current.with(current.replica(region).orElseThrow().withStatus(ReplicaStatus.DELETING)))));
        }
        case UPDATE -> {
          Replica replica = replication.flatMap(r -> r.replica(region))
              .orElseThrow(() -> DynamoException.validation(NOT_FOUND));
          if (replica.status() == ReplicaStatus.CREATING || replica.status() == ReplicaStatus.DELETING) {
            throw DynamoException.resourceInUse("The resource which you are attempting to change is in use.");
          }
          checkOverrides(updated, update);
          updated = updated.withOptions(updated.options().withReplication(Optional.of(replication.orElseThrow()
              .with(replica.withOverrides(replica.overrides().updatedWith(update.overrides()))))));
        }
      }
    }
    return updated;
  }

  /**
   * Refuses overrides the table cannot take: provisioned reads of an on-demand table, on-demand maximums of a
   * provisioned one, and an index that is not one of the table's global indexes. ShaleDB's words: no answer of the
   * service to these is on record.
   */
  private static void checkOverrides(TableMetadata table, ReplicaUpdate update) {
    boolean onDemand = table.billingMode() == BillingMode.PAY_PER_REQUEST;
    List<ReplicaIndexUpdate> indexes = update.globalSecondaryIndexes() == null ? List.of()
        : update.globalSecondaryIndexes();
    if (onDemand && (update.readCapacityUnits() != null
        || indexes.stream().anyMatch(index -> index.readCapacityUnits() != null))) {
      throw DynamoException.validation("One or more parameter values were invalid: ProvisionedThroughputOverride"
          + " cannot be specified for a replica of table " + table.name() + ", whose BillingMode is PAY_PER_REQUEST");
    }
    if (!onDemand && (update.maxReadRequestUnits() != null
        || indexes.stream().anyMatch(index -> index.maxReadRequestUnits() != null))) {
      throw DynamoException.validation("One or more parameter values were invalid: OnDemandThroughputOverride"
          + " cannot be specified for a replica of table " + table.name() + ", whose BillingMode is PROVISIONED");
    }
    for (ReplicaIndexUpdate index : indexes) {
      IndexMetadata existing = table.index(Validated.present(index.indexName()));
      if (existing == null || existing.local()) {
        throw DynamoException.validation("One or more parameter values were invalid: table " + table.name()
            + " has no global secondary index " + index.indexName() + " to override for a replica");
      }
    }
  }

  /**
   * The table with the stream replication reads: its own if it has both images, else a new one of view type
   * NEW_AND_OLD_IMAGES, as DynamoDB enables on a table's first replica.
   */
  private static TableMetadata withReplicationStream(Database db, CatalogTransaction change, TableMetadata table,
      Instant now) {
    StreamSettings stream = table.stream();
    if (stream != null) {
      if (stream.viewType() != StreamViewType.NEW_AND_OLD_IMAGES) {
        // ShaleDB's words: replication sends the new image of each change from the table's stream.
        throw DynamoException.validation("One or more parameter values were invalid: a table with replicas needs a"
            + " stream of StreamViewType NEW_AND_OLD_IMAGES, and " + table.name() + " has one of "
            + stream.viewType());
      }
      return table;
    }
    return Streams.withNewStream(db, change, table, StreamViewType.NEW_AND_OLD_IMAGES, now);
  }

  /**
   * Refuses a region that is not among the peers (ShaleDB's words: DynamoDB knows every region, a ShaleDB deployment
   * only the peers it was given).
   */
  static void requirePeer(Database db, String region) {
    if (db.peers().link(region).isEmpty()) {
      throw DynamoException.validation("Region " + region + " is not a peer of this deployment: its peers are ["
          + db.peers().names() + "]");
    }
  }

  static DynamoException alreadyExisted(String tableName) {
    return DynamoException.validation("Failed to create a the new replica of table with name: '" + tableName
        + "' because one or more replicas already existed as tables.");
  }
}
