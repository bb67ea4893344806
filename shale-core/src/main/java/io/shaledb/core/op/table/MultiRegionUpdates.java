package io.shaledb.core.op.table;

import io.shaledb.core.catalog.CatalogTransaction;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.table.UpdateTableInput.ReplicaUpdate;
import io.shaledb.core.op.table.UpdateTableInput.WitnessUpdate;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.MultiRegionConsistency;
import io.shaledb.core.schema.Replica;
import io.shaledb.core.schema.Replication;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.schema.Witness;
import io.shaledb.core.schema.WitnessStatus;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * UpdateTable's ReplicaUpdates with its {@code MultiRegionConsistency} and {@code GlobalTableWitnessUpdates}: the
 * rules of multi-region strong consistency (MRSC) as the developer guide and the API reference state them
 * (docs/global-tables.md, "Multi-region strong consistency"). The mode is chosen by the UpdateTable whose Creates make
 * the global table and never changes; an MRSC global table has exactly three regions (three replicas, or two and a
 * witness), is made from an empty table without local secondary indexes or time to live, and is undone only whole:
 * one UpdateTable deletes both other members, leaving a regional table. The API reference gives the rules but no
 * message: the refusals are ValidationExceptions in ShaleDB's words, each naming the rule.
 */
final class MultiRegionUpdates {
  static final String CONSISTENCY_WITHOUT_CREATE = "One or more parameter values were invalid: MultiRegionConsistency"
      + " is only valid when a global table is created by specifying one or more Create actions in ReplicaUpdates";
  static final String ONE_WITNESS = "One or more parameter values were invalid: only one witness can be created or"
      + " deleted per UpdateTable operation";
  static final String WITNESS_WITHOUT_ACTION = "One or more parameter values were invalid: a GlobalTableWitnessUpdates"
      + " entry needs one of Create or Delete";
  static final String WITNESS_NEEDS_STRONG = "One or more parameter values were invalid: a witness can only be added"
      + " by the UpdateTable that creates the global table with MultiRegionConsistency STRONG";
  static final String MODE_IS_FIXED = "One or more parameter values were invalid: the consistency mode of a global"
      + " table is chosen when it is created and cannot be changed; a witness must be added when the MRSC global table"
      + " is created";
  static final String THREE_REGIONS = "One or more parameter values were invalid: an MRSC global table must have"
      + " exactly three Regions: three replicas, or two replicas and one witness";
  static final String WITNESS_APART = "One or more parameter values were invalid: the witness must be in a different"
      + " Region than the replicas";
  static final String NOT_EMPTY = "One or more parameter values were invalid: a table must be empty to become an MRSC"
      + " global table";
  static final String NO_LOCAL_INDEXES = "One or more parameter values were invalid: local secondary indexes are not"
      + " supported on MRSC global tables";
  static final String NO_TIME_TO_LIVE = "One or more parameter values were invalid: Time to Live is not supported on"
      + " MRSC global tables";
  static final String DELETE_WHOLE = "One or more parameter values were invalid: an MRSC global table is deleted by"
      + " removing both other members in one UpdateTable operation (two replicas, or a replica and the witness),"
      + " which leaves a single-Region table; a single replica or witness cannot be removed";
  static final String WITNESS_NOT_FOUND = "Witness specified in the GlobalTableWitnessUpdates Delete action of the"
      + " request was not found.";
  static final String NO_REPLICA_DELETION = "One or more parameter values were invalid: a replica of an MRSC global"
      + " table cannot be deleted alone: delete both other members of the global table with UpdateTable's"
      + " ReplicaUpdates and GlobalTableWitnessUpdates first";

  private MultiRegionUpdates() {}

  /** The declared constraints: a known mode, and a region in each witness entry's action. */
  static void checkDeclared(ConstraintViolations v, @Nullable Choice<MultiRegionConsistency> consistency,
      List<WitnessUpdate> witnessUpdates) {
    v.oneOf("multiRegionConsistency", consistency, MultiRegionConsistency.values());
    for (int i = 0; i < witnessUpdates.size(); i++) {
      WitnessUpdate update = witnessUpdates.get(i);
      if (update.action() != null) {
        v.notNull("globalTableWitnessUpdates." + (i + 1) + ".member." + update.action().name().toLowerCase(Locale.ROOT)
            + ".regionName", update.regionName());
      }
    }
  }

  /** Refuses what needs no table: entries without an action, several witness updates, a mode without a Create. */
  static void check(Database db, List<ReplicaUpdate> replicaUpdates, List<WitnessUpdate> witnessUpdates,
      @Nullable Choice<MultiRegionConsistency> consistency) {
    for (WitnessUpdate update : witnessUpdates) {
      if (update.action() == null) {
        throw DynamoException.validation(WITNESS_WITHOUT_ACTION);
      }
      if (db.region().equals(update.regionName())) {
        throw DynamoException.validation(WITNESS_APART);
      }
    }
    if (witnessUpdates.size() > 1) {
      throw DynamoException.validation(ONE_WITNESS);
    }
    if (consistency != null && regions(replicaUpdates, ReplicaUpdate.Action.CREATE).isEmpty()) {
      throw DynamoException.validation(CONSISTENCY_WITHOUT_CREATE);
    }
    if (witness(witnessUpdates, WitnessUpdate.WitnessAction.CREATE).isPresent()
        && !Choice.sent(consistency, MultiRegionConsistency.STRONG)) {
      throw DynamoException.validation(WITNESS_NEEDS_STRONG);
    }
  }

  /**
   * Applies the replica and witness updates to {@code table} in {@code change}, by the rules of the table's mode, or
   * of the mode the request makes it of.
   */
  static TableMetadata apply(Database db, CatalogTransaction change, TableMetadata table,
      List<ReplicaUpdate> replicaUpdates, List<WitnessUpdate> witnessUpdates,
      @Nullable Choice<MultiRegionConsistency> consistency, Instant now) {
    Optional<Replication> replication = table.options().replication();
    Optional<String> witnessCreate = witness(witnessUpdates, WitnessUpdate.WitnessAction.CREATE);
    Optional<String> witnessDelete = witness(witnessUpdates, WitnessUpdate.WitnessAction.DELETE);
    if (replication.filter(Replication::strong).isPresent()) {
      if (consistency != null || witnessCreate.isPresent()) {
        throw DynamoException.validation(MODE_IS_FIXED);
      }
      return applyToStrong(db, change, table, replication.get(), replicaUpdates, witnessDelete, now);
    }
    if (witnessDelete.isPresent()) {
      throw DynamoException.validation(WITNESS_NOT_FOUND);
    }
    if (!Choice.sent(consistency, MultiRegionConsistency.STRONG)) {
      return ReplicaUpdates.apply(db, change, table, replicaUpdates, now);
    }
    if (GlobalTables.isGlobal(table)) {
      throw DynamoException.validation(MODE_IS_FIXED);
    }
    List<String> creates = regions(replicaUpdates, ReplicaUpdate.Action.CREATE);
    if (creates.size() != replicaUpdates.size()) {
      // An Update or Delete of a replica this table does not have yet: the regular answer names it.
      return ReplicaUpdates.apply(db, change, table, replicaUpdates, now);
    }
    if (1 + creates.size() + (witnessCreate.isPresent() ? 1 : 0) != 3 || Set.copyOf(creates).size() != creates.size()) {
      throw DynamoException.validation(THREE_REGIONS);
    }
    if (witnessCreate.isPresent() && creates.contains(witnessCreate.get())) {
      throw DynamoException.validation(WITNESS_APART);
    }
    requireStrongCandidate(change, table);
    witnessCreate.ifPresent(region -> ReplicaUpdates.requirePeer(db, region));
    TableMetadata updated = ReplicaUpdates.apply(db, change, table, replicaUpdates, now);
    Replication made = updated.options().replication().orElseThrow().withConsistency(MultiRegionConsistency.STRONG,
        witnessCreate.map(region -> new Witness(region, WitnessStatus.CREATING)));
    return updated.withOptions(updated.options().withReplication(Optional.of(made)));
  }

  /**
   * An MRSC table takes no new member; its replicas' overrides may change; and it is deleted only whole: both other
   * members in one request, after which this region's table is regional at once (the other members are deleted by
   * the replicator, and writes here no longer wait for a quorum of regions going away).
   */
  private static TableMetadata applyToStrong(Database db, CatalogTransaction change, TableMetadata table,
      Replication replication, List<ReplicaUpdate> replicaUpdates, Optional<String> witnessDelete, Instant now) {
    if (!regions(replicaUpdates, ReplicaUpdate.Action.CREATE).isEmpty()) {
      throw DynamoException.validation(THREE_REGIONS);
    }
    List<String> deletes = regions(replicaUpdates, ReplicaUpdate.Action.DELETE);
    if (deletes.isEmpty() && witnessDelete.isEmpty()) {
      return ReplicaUpdates.apply(db, change, table, replicaUpdates, now);
    }
    if (witnessDelete.isPresent()
        && replication.witness().filter(w -> w.region().equals(witnessDelete.get())).isEmpty()) {
      throw DynamoException.validation(WITNESS_NOT_FOUND);
    }
    Set<String> removed = new HashSet<>(deletes);
    witnessDelete.ifPresent(removed::add);
    Set<String> members = new HashSet<>();
    replication.replicas().stream().map(Replica::region).forEach(members::add);
    replication.witness().map(Witness::region).ifPresent(members::add);
    for (String region : removed) {
      if (!members.contains(region)) {
        throw DynamoException.validation(ReplicaUpdates.NOT_FOUND);
      }
    }
    if (!removed.equals(members) || removed.size() != deletes.size() + witnessDelete.stream().count()) {
      throw DynamoException.validation(DELETE_WHOLE);
    }
    TableMetadata updated = ReplicaUpdates.apply(db, change, table, replicaUpdates, now);
    Replication regional = updated.options().replication().orElseThrow().withConsistency(
        MultiRegionConsistency.EVENTUAL, replication.witness().map(w -> w.withStatus(WitnessStatus.DELETING)));
    return updated.withOptions(updated.options().withReplication(Optional.of(regional)));
  }

  /** Refuses a table that cannot become an MRSC global table: items, local secondary indexes or time to live. */
  private static void requireStrongCandidate(CatalogTransaction change, TableMetadata table) {
    if (table.indexes().stream().anyMatch(IndexMetadata::local)) {
      throw DynamoException.validation(NO_LOCAL_INDEXES);
    }
    if (table.timeToLiveAttribute() != null) {
      throw DynamoException.validation(NO_TIME_TO_LIVE);
    }
    // Read in the change: a write committing meanwhile read the table's entry too, so one of the two is redone.
    if (!GlobalTables.empty(change.storage(), table)) {
      throw DynamoException.validation(NOT_EMPTY);
    }
  }

  /** Refuses enabling time to live on an MRSC global table. */
  static void refuseTimeToLive(TableMetadata table, boolean enabling) {
    if (enabling && strong(table)) {
      throw DynamoException.validation(NO_TIME_TO_LIVE);
    }
  }

  /** Refuses DeleteTable of one replica of an MRSC global table, which would leave two regions of three. */
  static void refuseReplicaDeletion(TableMetadata table) {
    if (strong(table) && table.options().replication().filter(r -> !r.replicas().isEmpty()).isPresent()) {
      throw DynamoException.validation(NO_REPLICA_DELETION);
    }
  }

  private static boolean strong(TableMetadata table) {
    return table.options().replication().filter(Replication::strong).isPresent();
  }

  private static List<String> regions(List<ReplicaUpdate> updates, ReplicaUpdate.Action action) {
    return updates.stream().filter(update -> update.action() == action)
        .map(update -> Validated.present(update.regionName())).toList();
  }

  private static Optional<String> witness(List<WitnessUpdate> updates, WitnessUpdate.WitnessAction action) {
    return updates.stream().filter(update -> update.action() == action)
        .map(update -> Validated.present(update.regionName())).findFirst();
  }
}
