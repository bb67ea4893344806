package io.shaledb.core.maintenance;

import io.shaledb.core.background.BackgroundService;
import io.shaledb.core.catalog.ReplicaPosition;
import io.shaledb.core.catalog.ReplicaPosition.Phase;
import io.shaledb.core.catalog.SharedSettingsStamp;
import io.shaledb.core.op.Database;
import io.shaledb.core.replication.PeerLink;
import io.shaledb.core.replication.ReplicaGoneException;
import io.shaledb.core.replication.ReplicatedChange;
import io.shaledb.core.replication.ReplicationStamp;
import io.shaledb.core.replication.SharedSettings;
import io.shaledb.core.schema.Replica;
import io.shaledb.core.schema.Replica.ReplicaStatus;
import io.shaledb.core.schema.Replication;
import io.shaledb.core.schema.StreamSettings;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.schema.Witness;
import io.shaledb.core.schema.WitnessStatus;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.Transaction;
import io.shaledb.core.stream.StreamLog;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Sends each replicated table's changes to its replicas in other regions (docs/global-tables.md): creates a new
 * replica in its peer, backfills it with the table's items, then follows the table's stream, sending the changes made
 * in this region; sends the shared settings to replicas marked UPDATING; deletes replicas marked DELETING; creates and
 * deletes the witness of a table of multi-region strong consistency; and drops a replica whose peer says it holds it
 * no more. What each
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

  /**
   * How long changes gather after a call to a replica before the next one is made, unless the last call carried a
   * full batch (the replica is behind: the next follows at once). Every call costs the same whatever it carries (an
   * HTTP exchange, its signature, a snapshot, the watermark, a position write), and every write wakes the replicator,
   * so under a steady stream of writes calls carried a few changes each; a change made when nothing was sent to that
   * replica for this long goes at once. It delays replication by at most this much.
   */
  static final Duration LINGER = Duration.ofMillis(5);

  private final Database db;
  private final Duration linger;
  /** The replicas whose peer failed last time, so a peer that is down is logged once, not every pass. */
  private final Set<String> failing = ConcurrentHashMap.newKeySet();
  /**
   * When each replica's last call was made and whether it carried a full batch: pacing only, so a restart that
   * forgets it sends at once.
   */
  private final Map<String, LastCall> lastCalls = new ConcurrentHashMap<>();

  public Replicator(Database db) {
    this(db, LINGER);
  }

  /** @param linger see {@link #LINGER}; zero sends at every pass (tests that run passes by hand) */
  Replicator(Database db, Duration linger) {
    this.db = db;
    this.linger = linger;
  }

  /** A replica's last call to its peer, by the JVM's monotonic clock. */
  private record LastCall(long nanos, boolean full) {}

  @Override
  public boolean runPass() {
    boolean more = false;
    for (TableMetadata table : db.catalog().list()) {
      Replication replication = table.options().replication().orElse(null);
      if (replication == null) {
        continue;
      }
      more |= witness(table, replication);
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
      boolean more = switch (replica.status()) {
        case DELETING -> delete(table, replication, replica, link);
        case UPDATING -> {
          update(table, replica, link);
          advance(table, replication, replica, link);
          yield true;
        }
        case CREATING, ACTIVE -> advance(table, replication, replica, link);
      };
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

  /**
   * Creates or deletes the witness of a table of multi-region strong consistency in its region, then records it ACTIVE
   * or gone, unless the table's witness changed meanwhile. A witness being created holds back the creation of the
   * replicas (see {@link #advance}), so every replica learns the witness ACTIVE with its table.
   */
  private boolean witness(TableMetadata table, Replication replication) {
    Witness witness = replication.witness().filter(w -> w.status() != WitnessStatus.ACTIVE).orElse(null);
    PeerLink link = witness == null ? null : db.peers().link(witness.region()).orElse(null);
    if (witness == null || link == null) {
      return false;
    }
    String failure = table.name() + " to witness " + witness.region();
    try {
      if (witness.status() == WitnessStatus.CREATING) {
        link.createWitness(table, db.region());
      } else {
        link.deleteWitness(table.name(), db.region());
      }
    } catch (RuntimeException e) {
      if (failing.add(failure)) {
        LOG.log(Level.WARNING, "the witness of table " + table.name() + " in region " + witness.region()
            + " could not be " + (witness.status() == WitnessStatus.CREATING ? "created" : "deleted")
            + "; retrying until it works", e);
      }
      return false;
    }
    failing.remove(failure);
    db.catalog().change(change -> {
      change.table(table.name()).filter(t -> t.keyspace() == table.keyspace()).ifPresent(current -> {
        Replication now = current.options().replication().orElseThrow();
        if (now.witness().filter(witness::equals).isPresent()) {
          Optional<Witness> settled = witness.status() == WitnessStatus.CREATING
              ? Optional.of(witness.withStatus(WitnessStatus.ACTIVE)) : Optional.empty();
          change.putTable(current.withOptions(current.options().withReplication(Optional.of(
              now.withConsistency(now.consistency(), settled)))));
        }
      });
      return null;
    });
    return true;
  }

  /** Deletes the peer's replica, or for a global table of version 2017.11.29 takes it out and leaves its table. */
  private boolean delete(TableMetadata table, Replication replication, Replica replica, PeerLink link) {
    if (replication.legacy()) {
      link.leave(table.name(), db.region());
    } else {
      link.deleteReplica(table.name(), db.region());
    }
    forget(table, replica.region());
    return true;
  }

  /**
   * Sends the table's shared settings, with their stamp, to a replica marked UPDATING, then marks it ACTIVE unless
   * they changed again meanwhile (the next pass sends them again then). The settings and their stamp are read in one
   * transaction: a peer that has a stamp keeps only settings stamped later, so a stamp must never travel with settings
   * older than the change it stamps.
   */
  private void update(TableMetadata table, Replica replica, PeerLink link) {
    SettingsToSend sent = SettingsToSend.read(db, table).orElse(null);
    if (sent == null) {
      return;
    }
    link.updateReplica(sent.table(), db.region(), sent.stamp());
    db.catalog().change(change -> {
      change.table(table.name()).filter(t -> t.keyspace() == table.keyspace())
          .filter(current -> SharedSettings.of(current).equals(SharedSettings.of(sent.table())))
          .filter(current -> SharedSettingsStamp.read(change.storage(), table.keyspace()).equals(sent.stamp()))
          .ifPresent(current -> {
            Replication replication = current.options().replication().orElseThrow();
            replication.replica(replica.region()).filter(r -> r.status() == ReplicaStatus.UPDATING)
                .ifPresent(updating -> change.putTable(current.withOptions(current.options().withReplication(
                    Optional.of(replication.with(updating.withStatus(ReplicaStatus.ACTIVE)))))));
          });
      return null;
    });
  }

  /** A table's metadata with the stamp of its shared settings, as one transaction read them. */
  private record SettingsToSend(TableMetadata table, Optional<ReplicationStamp> stamp) {
    static Optional<SettingsToSend> read(Database db, TableMetadata table) {
      try (Transaction tx = db.storage().begin()) {
        return db.catalog().current(tx, table.name(), table.keyspace())
            .map(current -> new SettingsToSend(current, SharedSettingsStamp.read(tx, table.keyspace())));
      }
    }
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
        if (replication.witness().filter(w -> w.status() == WitnessStatus.CREATING).isPresent()) {
          yield false;
        }
        SettingsToSend current = SettingsToSend.read(db, table).orElse(null);
        if (current == null) {
          yield false;
        }
        if (replication.legacy()) {
          link.join(current.table(), db.region());
        } else {
          link.createReplica(current.table(), db.region(), current.stamp());
        }
        introduce(current.table(), replica.region());
        record(table, replica.region(), p -> p.phase() == Phase.CREATE ? p.withPhase(Phase.BACKFILL) : p);
        yield true;
      }
      case BACKFILL -> backfill(table, replication, replica, link, position);
      case STREAM -> stream(table, replication, replica, link, position);
    };
  }

  /**
   * Tells the table's other replicas of the region just given one, so each sends it its own changes from now on and
   * backfills it with its items first (docs/global-tables.md, "More than two regions"). A replica that is gone is
   * left out: this region drops it on its own next call.
   */
  private void introduce(TableMetadata table, String added) {
    for (Replica other : table.options().replication().map(Replication::replicas).orElse(List.of())) {
      if (other.region().equals(added) || other.status() == ReplicaStatus.DELETING) {
        continue;
      }
      PeerLink link = db.peers().link(other.region()).orElseThrow(() -> new IllegalStateException("region "
          + other.region() + " holds a replica of " + table.name() + " and is not a peer"));
      try {
        link.addReplica(table, db.region(), added);
      } catch (ReplicaGoneException e) {
        LOG.log(Level.DEBUG, "region {0} holds no replica of {1} to introduce {2} to", other.region(),
            table.name(), added);
      }
    }
  }

  /**
   * Sends the next batch of the table's items and tombstones in key order, read from a fresh snapshot with their
   * stamps; once the walk is done, the replica is ACTIVE and follows the stream.
   */
  private boolean backfill(TableMetadata table, Replication replication, Replica replica, PeerLink link,
      ReplicaPosition position) {
    BackfillBatch batch;
    try (Snapshot snapshot = db.storage().snapshot()) {
      batch = BackfillBatch.read(snapshot, table, replication, position.backfillFrom(), db.region(), BATCH);
    }
    if (batch.changes().isEmpty()) {
      link.filled(table.name(), db.region());
      activate(table, replica.region());
      return true;
    }
    link.apply(table.name(), db.region(), batch.changes(), OptionalLong.empty());
    int sent = batch.changes().size();
    record(table, replica.region(), p -> p.phase() == Phase.BACKFILL ? p.backfilledTo(batch.next(), sent) : p);
    return true;
  }

  /**
   * Sends the changes made in this region (and, of a table of multi-region strong consistency, those the replica's
   * region made: {@link #toSend}) from the replica's stream position on, with this region's low watermark;
   * with nothing to send, an empty call, so a replica deleted in its region is noticed even while this one writes
   * nothing, and the watermark keeps rising there.
   */
  private boolean stream(TableMetadata table, Replication replication, Replica replica, PeerLink link,
      ReplicaPosition position) {
    StreamSettings stream = table.stream();
    if (stream == null) {
      return false;
    }
    String replicaKey = replicaKey(table, replica.region());
    lingerAfter(lastCalls.get(replicaKey));
    List<ReplicatedChange> changes = new ArrayList<>();
    long next = position.streamFrom();
    int scanned = 0;
    long now = db.clock().millis();
    OptionalLong watermark;
    try (Snapshot snapshot = db.storage().snapshot();
        KvCursor cursor = streamFrom(snapshot, stream, position.streamFrom())) {
      while (scanned < SCAN_LIMIT && changes.size() < BATCH && cursor.next()) {
        scanned++;
        next = StreamLog.sequenceOf(cursor.key()) + 1;
        ReplicatedChange change = toSend(db, replication, replica.region(), cursor.value());
        if (change != null) {
          changes.add(change);
        }
      }
      watermark = LowWatermark.of(db, snapshot, table, replication, now);
    }
    if (replica.status() == ReplicaStatus.CREATING) {
      // A region another one introduced this one to: it may not know this region yet, so a refusal is a wait.
      try {
        link.apply(table.name(), db.region(), changes, watermark);
      } catch (ReplicaGoneException e) {
        return false;
      }
      activate(table, replica.region());
    } else if (scanned == 0 || !changes.isEmpty()) {
      link.apply(table.name(), db.region(), changes, watermark);
    }
    lastCalls.put(replicaKey, new LastCall(System.nanoTime(), changes.size() == BATCH));
    long acknowledged = db.clock().millis();
    for (ReplicatedChange change : changes) {
      if (change.stamp().region().equals(db.region())) {
        // ReplicationLatency is of this region's own changes, not of those sent back to their region (toSend).
        db.replicationListener().delivered(table.name(), replica.region(), acknowledged - change.stamp().millis());
      }
    }
    if (scanned > 0) {
      long reached = next;
      record(table, replica.region(), p -> p.phase() == Phase.STREAM ? p.streamedTo(Math.max(p.streamFrom(), reached))
          : p);
    }
    return scanned == SCAN_LIMIT || changes.size() == BATCH;
  }

  private static String replicaKey(TableMetadata table, String region) {
    return table.keyspace() + " " + region;
  }

  /** Waits until {@link #linger} has passed since {@code last}, unless it carried a full batch. */
  private void lingerAfter(@Nullable LastCall last) {
    if (last == null || last.full()) {
      return;
    }
    long wait = linger.toNanos() - (System.nanoTime() - last.nanos());
    if (wait > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        // The service stops: what gathered goes now, or with the next start.
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * How many changes made in this region the replica of {@code table} in {@code region} has not acknowledged yet
   * (DynamoDB's PendingReplicationCount): the stream's records of this region's changes after the replica's position.
   */
  public static long pending(Database db, TableMetadata table, String region) {
    StreamSettings stream = table.stream();
    if (stream == null) {
      return 0;
    }
    long pending = 0;
    try (Snapshot snapshot = db.storage().snapshot()) {
      ReplicaPosition position = ReplicaPosition.read(snapshot, table.keyspace(), region).orElse(null);
      if (position == null) {
        return 0;
      }
      try (KvCursor cursor = streamFrom(snapshot, stream, position.streamFrom())) {
        while (cursor.next()) {
          pending += localChange(db, cursor.value()) == null ? 0 : 1;
        }
      }
    }
    return pending;
  }

  private static KvCursor streamFrom(Snapshot snapshot, StreamSettings stream, long sequence) {
    return snapshot.scan(new KeyRange(StreamLog.key(stream.keyspace(), sequence),
        StreamLog.range(stream.keyspace()).end()), false);
  }

  /**
   * The change a stream record holds if it goes to the replica in {@code region}, else null. A change made here goes
   * to every replica. A change made elsewhere arrived from its region, which has it, so it goes nowhere; except in a
   * table of multi-region strong consistency, where a value chosen by the consensus is committed by every region that
   * hears the Commit, under its writer region's stamp, and the writer region may be the one that missed it (its own
   * commit lost, or the writer stopped after its value was accepted and another region's round finished it): so there
   * it goes back to the region that made it. That region applies it if it lacks it, and its stream then holds a
   * change of its own, which it sends to every replica. Usually every region committed it: each sends it back once,
   * and the writer region ignores it. Nothing loops: applying a change the region already holds (an equal stamp) or
   * one older than its item writes nothing, so leaves no stream record to send on.
   */
  static @Nullable ReplicatedChange toSend(Database db, Replication replication, String region, byte[] record) {
    ReplicatedChange change = StreamLog.replicatedChange(record);
    if (change == null) {
      return null;
    }
    String origin = change.stamp().region();
    return origin.equals(db.region()) || (replication.strong() && origin.equals(region)) ? change : null;
  }

  /** The change a stream record holds if this region made it, else null (it arrived from another region). */
  static @Nullable ReplicatedChange localChange(Database db, byte[] record) {
    ReplicatedChange change = StreamLog.replicatedChange(record);
    return change != null && change.stamp().region().equals(db.region()) ? change : null;
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
    lastCalls.remove(replicaKey(table, region));
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
