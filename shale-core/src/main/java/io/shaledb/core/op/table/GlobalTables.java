package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.table.GlobalTableDescription.GlobalTableStatus;
import io.shaledb.core.replication.PeerLink;
import io.shaledb.core.replication.PeerTable;
import io.shaledb.core.schema.Replica;
import io.shaledb.core.schema.Replica.ReplicaStatus;
import io.shaledb.core.schema.Replication;
import io.shaledb.core.schema.StreamViewType;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.KvReader;
import java.util.ArrayList;
import java.util.List;

/**
 * What the operations of global tables version 2017.11.29 share: finding a global table by name, the rules a table
 * must meet to join one, and the description they answer. The exception types are DynamoDB's; their messages are the
 * API reference's descriptions of them where no answer of the service is on record, and TableNotFoundException's is
 * the service's as the AWS Controllers for Kubernetes project recorded it (community issue 1034).
 */
final class GlobalTables {
  private GlobalTables() {}

  /** The table of that name if it is a global table of version 2017.11.29 here, else GlobalTableNotFoundException. */
  static TableMetadata find(Database db, String name) {
    return db.catalog().find(name).filter(GlobalTables::isLegacy).orElseThrow(() -> notFound());
  }

  static boolean isLegacy(TableMetadata table) {
    return table.options().replication().filter(Replication::legacy).isPresent();
  }

  /** Whether the table belongs to a global table of either version. */
  static boolean isGlobal(TableMetadata table) {
    return table.options().replication().filter(r -> r.legacy() || !r.replicas().isEmpty()).isPresent();
  }

  static DynamoException notFound() {
    return new DynamoException(ErrorCode.GLOBAL_TABLE_NOT_FOUND, "The specified global table does not exist.");
  }

  static DynamoException alreadyExists() {
    return new DynamoException(ErrorCode.GLOBAL_TABLE_ALREADY_EXISTS, "The specified global table already exists.");
  }

  static DynamoException tableNotFound(String name, String region) {
    return new DynamoException(ErrorCode.TABLE_NOT_FOUND, "Table not found: Table: '" + name
        + "' not found in region: '" + region + "'.");
  }

  /** Whether the table holds no item, as {@code reader} sees it. */
  static boolean empty(KvReader reader, TableMetadata table) {
    try (KvCursor cursor = reader.scan(KeyCodec.keyspaceRange(table.keyspace()), false)) {
      return !cursor.next();
    }
  }

  /**
   * Refuses a table in {@code region} that cannot be a replica of a global table whose tables look like
   * {@code model}, by DynamoDB's rules for version 2017.11.29: already in a global table, a key schema or indexes
   * of other keys, no stream of both images, or items. The ValidationException messages are ShaleDB's words: no
   * answer of the service to these is on record.
   */
  static void requireJoinable(String region, TableMetadata candidate, TableMetadata model, boolean empty) {
    if (isGlobal(candidate)) {
      throw alreadyExists();
    }
    String prefix = "One or more parameter values were invalid: table " + candidate.name() + " in region " + region;
    if (!candidate.keySchema().equals(model.keySchema())) {
      throw DynamoException.validation(prefix + " has another key schema than the global table's");
    }
    if (!indexKeys(candidate).equals(indexKeys(model))) {
      throw DynamoException.validation(prefix + " has secondary indexes of other names or keys than the global"
          + " table's");
    }
    if (candidate.stream() == null || candidate.stream().viewType() != StreamViewType.NEW_AND_OLD_IMAGES) {
      throw DynamoException.validation(prefix + " needs DynamoDB Streams enabled with StreamViewType"
          + " NEW_AND_OLD_IMAGES");
    }
    if (!empty) {
      throw DynamoException.validation(prefix + " is not empty: a table joins a global table only while it holds"
          + " no items");
    }
  }

  /** Each index's name, kind and keys, in name order: what must match between replicas. */
  private static List<String> indexKeys(TableMetadata table) {
    return table.indexes().stream().map(i -> i.name() + (i.local() ? " local " : " global ") + i.keySchema())
        .sorted().toList();
  }

  /** Checks the table of that name in a peer region through {@code link}. */
  static void requireJoinable(PeerLink link, String region, TableMetadata model, String localRegion) {
    PeerTable peer = link.inspect(model.name(), localRegion).orElseThrow(() -> tableNotFound(model.name(), region));
    requireJoinable(region, peer.table(), model, peer.empty());
  }

  /**
   * The regions of the global table, this one first (while its table is in it), then the others in the order they
   * joined.
   */
  static List<String> regions(Database db, TableMetadata table) {
    List<String> regions = new ArrayList<>(isLegacy(table) ? List.of(db.region()) : List.of());
    table.options().replication().ifPresent(r -> r.replicas().forEach(replica -> regions.add(replica.region())));
    return regions;
  }

  static GlobalTableDescription describe(Database db, TableMetadata table) {
    Replication replication = table.options().replication().orElseThrow();
    return new GlobalTableDescription(table.name(), Database.globalTableArn(table.name()), replication.since(), status(replication),
        regions(db, table));
  }

  /** CREATING while a replica joins, UPDATING while one leaves, else ACTIVE. */
  private static GlobalTableStatus status(Replication replication) {
    List<ReplicaStatus> statuses = replication.replicas().stream().map(Replica::status).toList();
    if (statuses.contains(ReplicaStatus.CREATING)) {
      return GlobalTableStatus.CREATING;
    }
    return statuses.contains(ReplicaStatus.DELETING) ? GlobalTableStatus.UPDATING : GlobalTableStatus.ACTIVE;
  }

  /** The peer link of {@code region}, which must be a peer ({@link ReplicaUpdates#requirePeer}). */
  static PeerLink link(Database db, String region) {
    ReplicaUpdates.requirePeer(db, region);
    return db.peers().link(region).orElseThrow();
  }
}
