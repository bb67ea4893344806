package io.shaledb.core.maintenance;

import io.shaledb.core.background.BackgroundService;
import io.shaledb.core.catalog.ReplicaPosition;
import io.shaledb.core.catalog.ReplicaPosition.Phase;
import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.Bytes;
import io.shaledb.core.op.Database;
import io.shaledb.core.replication.ItemStamps;
import io.shaledb.core.replication.PeerLink;
import io.shaledb.core.replication.ReplicaGoneException;
import io.shaledb.core.replication.ReplicatedChange;
import io.shaledb.core.replication.ReplicationStamp;
import io.shaledb.core.schema.Replica;
import io.shaledb.core.schema.Replica.ReplicaStatus;
import io.shaledb.core.schema.Replication;
import io.shaledb.core.schema.StreamSettings;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.Transaction;
import io.shaledb.core.stream.StreamLog;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Sends each replicated table's changes to its replicas in other regions (docs/global-tables.md): creates a new
 * replica in its peer, backfills it with the table's items, then follows the table's stream, sending the changes made
 * in this region; deletes replicas marked DELETING; and drops a replica whose peer says it holds it no more. What each
 * replica acknowledged is recorded in the system keyspace ({@link ReplicaPosition}) only after the peer answered, so
 * delivery is at least once and a restart resumes from the last acknowledged batch; the peer applies changes
 * idempotently. A peer that fails is tried again on the next pass, without holding up the other replicas.
 */
public final class Replicator implements BackgroundService {
  private static final System.Logger LOG = System.getLogger(Replicator.class.getName());
  /** Changes per call to a peer. */
  static final int BATCH = 500;
  /** Stream records read per pass and replica, most of them possibly made elsewhere and skipped. */
  private static final int SCAN_LIMIT = 4 * BATCH;

  private final Database db;
  /** The replicas whose peer failed last time, so a peer that is down is logged once, not every pass. */
  private final Set<String> failing = ConcurrentHashMap.newKeySet();

  public Replicator(Database db) {
    this.db = db;
  }

  @Override
  public boolean runPass() {
    boolean more = false;
    for (TableMetadata table : db.catalog().list()) {
      Replication replication = table.options().replication().orElse(null);
      if (replication == null) {
        continue;
      }
      for (Replica replica : replication.replicas()) {
        PeerLink link = db.peers().link(replica.region()).orElse(null);
        if (link != null) {
          more |= step(table, replication, replica, link);
        }
      }
    }
    return more;
  }

  private boolean step(TableMetadata table, Replication replication, Replica replica, PeerLink link) {
    String failure = table.name() + " to " + replica.region();
    try {
      boolean more = replica.status() == ReplicaStatus.DELETING ? delete(table, replica, link)
          : advance(table, replication, replica, link);
      if (failing.remove(failure)) {
        LOG.log(Level.INFO, "replication of table {0} reaches region {1} again", table.name(), replica.region());
      }
      return more;
    } catch (ReplicaGoneException e) {
      LOG.log(Level.INFO, "region {0} holds no replica of table {1} any more ({2}): it is no longer replicated"
          + " there", replica.region(), table.name(), e.getMessage());
      forget(table, replica.region());
      return true;
    } catch (RuntimeException e) {
      if (failing.add(failure)) {
        LOG.log(Level.WARNING, "replication of table " + table.name() + " to region " + replica.region()
            + " failed; retrying until it works", e);
      }
      return false;
    }
  }

  private boolean delete(TableMetadata table, Replica replica, PeerLink link) {
    link.deleteReplica(table.name(), db.region());
    forget(table, replica.region());
    return true;
  }

  private boolean advance(TableMetadata table, Replication replication, Replica replica, PeerLink link) {
    ReplicaPosition position;
    try (Snapshot snapshot = db.storage().snapshot()) {
      position = ReplicaPosition.read(snapshot, table.keyspace(), replica.region()).orElse(null);
    }
    if (position == null) {
      return false;
    }
    return switch (position.phase()) {
      case CREATE -> {
        link.createReplica(table, db.region());
        record(table, replica.region(), p -> p.phase() == Phase.CREATE ? p.withPhase(Phase.BACKFILL) : p);
        yield true;
      }
      case BACKFILL -> backfill(table, replication, replica, link, position);
      case STREAM -> stream(table, replica, link, position);
    };
  }

  /**
   * Sends the next batch of the table's items in key order, read from a fresh snapshot with their stamps; once the
   * walk is done, the replica is ACTIVE and follows the stream.
   */
  private boolean backfill(TableMetadata table, Replication replication, Replica replica, PeerLink link,
      ReplicaPosition position) {
    KeyRange items = KeyCodec.keyspaceRange(table.keyspace());
    Bytes from = position.backfillFrom();
    List<ReplicatedChange> changes = new ArrayList<>();
    byte[] last = null;
    try (Snapshot snapshot = db.storage().snapshot();
        KvCursor cursor = snapshot.scan(new KeyRange(from == null ? items.start() : from.toByteArray(),
            items.end()), false)) {
      while (changes.size() < BATCH && cursor.next()) {
        last = cursor.key();
        Map<String, AttributeValue> item = ItemCodec.decode(cursor.value());
        ReplicationStamp stamp = Objects.requireNonNull(
            ItemStamps.effective(snapshot, replication, last, true, db.region()), "an existing item has a stamp");
        changes.add(new ReplicatedChange(keysOf(table, item), item, stamp, false));
      }
    }
    if (last == null) {
      activate(table, replica.region());
      return true;
    }
    link.apply(table.name(), db.region(), changes);
    Bytes next = Bytes.wrap(Arrays.copyOf(last, last.length + 1));
    int sent = changes.size();
    record(table, replica.region(), p -> p.phase() == Phase.BACKFILL ? p.backfilledTo(next, sent) : p);
    return true;
  }

  /**
   * Sends the changes made in this region from the replica's stream position on; with nothing to send, an empty
   * call, so a replica deleted in its region is noticed even while this one writes nothing.
   */
  private boolean stream(TableMetadata table, Replica replica, PeerLink link, ReplicaPosition position) {
    StreamSettings stream = table.stream();
    if (stream == null) {
      return false;
    }
    List<ReplicatedChange> changes = new ArrayList<>();
    long next = position.streamFrom();
    int scanned = 0;
    try (Snapshot snapshot = db.storage().snapshot();
        KvCursor cursor = snapshot.scan(new KeyRange(StreamLog.key(stream.keyspace(), position.streamFrom()),
            StreamLog.range(stream.keyspace()).end()), false)) {
      while (scanned < SCAN_LIMIT && changes.size() < BATCH && cursor.next()) {
        scanned++;
        next = StreamLog.sequenceOf(cursor.key()) + 1;
        ReplicatedChange change = StreamLog.replicatedChange(cursor.value());
        if (change != null && change.stamp().region().equals(db.region())) {
          changes.add(change);
        }
      }
    }
    if (scanned == 0 || !changes.isEmpty()) {
      link.apply(table.name(), db.region(), changes);
    }
    if (scanned > 0) {
      long reached = next;
      record(table, replica.region(), p -> p.phase() == Phase.STREAM ? p.streamedTo(Math.max(p.streamFrom(), reached))
          : p);
    }
    return scanned == SCAN_LIMIT || changes.size() == BATCH;
  }

  private static Map<String, AttributeValue> keysOf(TableMetadata table, Map<String, AttributeValue> item) {
    Map<String, AttributeValue> keys = new LinkedHashMap<>();
    String partition = table.keySchema().partitionKey().name();
    keys.put(partition, Objects.requireNonNull(item.get(partition), "a stored item has its key"));
    table.keySchema().sortKey().ifPresent(sort -> keys.put(sort.name(),
        Objects.requireNonNull(item.get(sort.name()), "a stored item has its key")));
    return keys;
  }

  /** Records the replica's new position, if the table is still the one of that keyspace. */
  private void record(TableMetadata table, String region, UnaryOperator<ReplicaPosition> advance) {
    try (Transaction tx = db.storage().begin()) {
      Optional<ReplicaPosition> current = db.catalog().current(tx, table.name(), table.keyspace())
          .flatMap(t -> ReplicaPosition.read(tx, table.keyspace(), region));
      if (current.isPresent()) {
        advance.apply(current.get()).write(tx, table.keyspace(), region);
        tx.commit();
      }
    }
  }

  /** Makes a replica whose backfill is complete ACTIVE, following the stream from now on. */
  private void activate(TableMetadata table, String region) {
    db.catalog().change(change -> {
      change.table(table.name()).filter(t -> t.keyspace() == table.keyspace()).ifPresent(current -> {
        Replication replication = current.options().replication().orElse(null);
        Replica replica = replication == null ? null : replication.replica(region).orElse(null);
        if (replication != null && replica != null && replica.status() == ReplicaStatus.CREATING) {
          change.putTable(current.withOptions(current.options().withReplication(
              Optional.of(replication.with(replica.withStatus(ReplicaStatus.ACTIVE))))));
          ReplicaPosition.read(change.storage(), table.keyspace(), region).ifPresent(position ->
              position.withPhase(Phase.STREAM).write(change.storage(), table.keyspace(), region));
        }
      });
      return null;
    });
  }

  /** Removes a replica from the table, with its position, in one catalog change. */
  private void forget(TableMetadata table, String region) {
    db.catalog().change(change -> {
      change.table(table.name()).filter(t -> t.keyspace() == table.keyspace()).ifPresent(current -> {
        current.options().replication().ifPresent(replication -> change.putTable(current.withOptions(
            current.options().withReplication(Optional.of(replication.without(region))))));
        ReplicaPosition.delete(change.storage(), table.keyspace(), region);
      });
      return null;
    });
  }
}
