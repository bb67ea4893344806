package io.shaledb.core.maintenance;

import io.shaledb.core.background.BackgroundService;
import io.shaledb.core.catalog.ReplicaWatermark;
import io.shaledb.core.catalog.SystemKeyspace.Task;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.replication.ItemStamps;
import io.shaledb.core.replication.TombstoneReclamation;
import io.shaledb.core.schema.Replica;
import io.shaledb.core.schema.Replication;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.Transaction;
import io.shaledb.core.write.Transactions;
import io.shaledb.core.write.Transactions.Committed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Removes the tombstones of replicated tables that no change can outrank any more (docs/global-tables.md, "Deletes
 * and tombstones"): a deleted key's stamp stamped before every region's low watermark, this one's included, by
 * the database's horizon ({@link Database#tombstones}). No region can then still send a change of that key older than the tombstone: each has sent every
 * change it made before its watermark to every replica, stamps what it changes later no earlier, and has applied the
 * deletion itself. A table still being filled is left alone (a backfill sends items with their old stamps), and so
 * is a table with a replica that has not reported a watermark yet (it may be backfilling this one). A table of
 * multi-region strong consistency keeps its tombstones: a region may miss a deletion's commit there for as long as no
 * replication or settling read has brought it (a value finished by another region's round, or chosen and committed
 * nowhere), and the watermarks do not cover those, so a strong read whose quorum met that region's old item and
 * another's reclaimed tombstone would return the item again.
 *
 * <p>Each pass reads a bounded slice of each table's stamps, resuming where the last pass stopped, and deletes the
 * tombstones it found in transactions that check the table still has the same replicas and that each key is still
 * deleted with the same stamp (a write since then keeps its stamp). A table whose sweep reached the end of its stamps
 * rests ({@link TombstoneReclamation#rest}) before the next begins.
 */
public final class TombstoneReclaimer implements BackgroundService {
  private static final int STAMPS_PER_PASS = 10_000;
  private static final int DELETIONS_PER_TRANSACTION = 500;

  private final Database db;
  private final Transactions transactions;
  /**
   * Per table keyspace, when its next sweep may begin. Kept in memory only: after a restart, or on the server that
   * takes the lease over, sweeps begin at once.
   */
  private final Map<Integer, Long> resting = new HashMap<>();

  public TombstoneReclaimer(Database db) {
    this.db = db;
    this.transactions = new Transactions(db.storage(), db.statistics());
  }

  /** A tombstone found: its stamp's key and value as read. */
  private record Tombstone(byte[] key, byte[] stamp) {}

  /** One slice of every replicated table's stamps. */
  @Override
  public boolean runPass() {
    List<TableMetadata> tables = db.catalog().list();
    resting.keySet().retainAll(tables.stream().map(TableMetadata::keyspace).toList());
    for (TableMetadata table : tables) {
      table.options().replication().filter(r -> r.fillingFrom() == null && !r.strong())
          .ifPresent(r -> reclaim(table, r));
    }
    return false;
  }

  private void reclaim(TableMetadata table, Replication replication) {
    KeyRange stamps = KeyCodec.keyspaceRange(replication.stampKeyspace());
    long now = db.clock().millis();
    if (resting.getOrDefault(table.keyspace(), Long.MIN_VALUE) > now) {
      return;
    }
    List<Tombstone> found = new ArrayList<>();
    byte[] last = null;
    int read = 0;
    try (Snapshot snapshot = db.storage().snapshot()) {
      OptionalLong before = reclaimableBefore(snapshot, table, replication, now);
      if (before.isEmpty()) {
        return;
      }
      byte[] from = ResumePositions.read(snapshot, table.keyspace(), Task.TOMBSTONE_RECLAIM, stamps);
      try (KvCursor cursor = snapshot.scan(new KeyRange(from, stamps.end()), false)) {
        while (read < STAMPS_PER_PASS && cursor.next()) {
          read++;
          last = cursor.key();
          if (ItemStamps.decode(cursor.value()).millis() < before.getAsLong()
              && snapshot.get(ItemStamps.itemKey(table.keyspace(), last)) == null) {
            found.add(new Tombstone(last, cursor.value()));
          }
        }
      }
    }
    for (int start = 0; start < found.size(); start += DELETIONS_PER_TRANSACTION) {
      List<Tombstone> chunk = found.subList(start, Math.min(found.size(), start + DELETIONS_PER_TRANSACTION));
      int deleted = transactions.run(RequestContext.service(db.clock()), tx -> {
        if (!sameReplicas(tx, table, replication)) {
          return Committed.nothing(-1);
        }
        int count = 0;
        for (Tombstone tombstone : chunk) {
          if (Arrays.equals(tx.get(tombstone.key()), tombstone.stamp())
              && tx.get(ItemStamps.itemKey(table.keyspace(), tombstone.key())) == null) {
            tx.delete(tombstone.key());
            count++;
          }
        }
        return Committed.nothing(count);
      });
      if (deleted < 0) {
        return;
      }
      db.replicationListener().tombstonesReclaimed(table.name(), deleted);
    }
    byte[] next = read < STAMPS_PER_PASS || last == null ? null : KeyRange.after(last);
    if (next == null) {
      resting.put(table.keyspace(), now + db.tombstones().rest().toMillis());
    }
    transactions.run(RequestContext.service(db.clock()), tx -> {
      boolean tableExists = db.catalog().current(tx, table.name(), table.keyspace()).isPresent();
      if (tableExists) {
        ResumePositions.write(tx, table.keyspace(), Task.TOMBSTONE_RECLAIM, next);
      }
      return Committed.nothing(tableExists);
    });
  }

  /**
   * The stamp time before which the table's tombstones may go: the earliest low watermark, of this region and of
   * each replica as it last reported, less the horizon; empty when one is not known.
   */
  private OptionalLong reclaimableBefore(Snapshot snapshot, TableMetadata table, Replication replication, long now) {
    OptionalLong local = LowWatermark.of(db, snapshot, table, replication, now);
    if (local.isEmpty()) {
      return local;
    }
    long earliest = local.getAsLong();
    for (Replica replica : replication.replicas()) {
      OptionalLong reported = ReplicaWatermark.read(snapshot, table.keyspace(), replica.region());
      if (reported.isEmpty()) {
        return reported;
      }
      earliest = Math.min(earliest, reported.getAsLong());
    }
    return OptionalLong.of(earliest - db.tombstones().horizon().toMillis());
  }

  /**
   * Whether the table is still the one of that keyspace, filled, with the replicas whose watermarks the tombstones
   * were found under; a replica added since has reported none.
   */
  private boolean sameReplicas(Transaction tx, TableMetadata table, Replication replication) {
    Replication current = db.catalog().current(tx, table.name(), table.keyspace())
        .flatMap(t -> t.options().replication()).orElse(null);
    return current != null && current.fillingFrom() == null
        && Objects.equals(regions(current), regions(replication));
  }

  private static List<String> regions(Replication replication) {
    return replication.replicas().stream().map(Replica::region).toList();
  }
}
