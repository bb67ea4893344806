package io.shaledb.core.maintenance;

import io.shaledb.core.background.BackgroundService;
import io.shaledb.core.backup.RestoreJob;
import io.shaledb.core.backup.RestoreOrigin;
import io.shaledb.core.catalog.SystemKeyspace.Task;
import io.shaledb.core.history.HistoryKeys;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.PointInTimeRecovery;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.write.Transactions;
import io.shaledb.core.write.Transactions.Committed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Deletes point-in-time recovery history older than each table's recovery period: no restore can reach it, and no
 * restore within the period needs it (the state at T is the before-image of the first change after T, and every
 * record it deletes is of a change before the period began). Each pass reads a bounded slice of each history
 * keyspace, resuming where the last pass stopped, and deletes what it found in one transaction that checks the table
 * is still the one of that keyspace with that history, and applies the period the table has then.
 */
public final class HistoryReclaimer implements BackgroundService {
  private static final int RECORDS_PER_PASS = 10_000;

  private final Database db;
  private final Transactions transactions;

  public HistoryReclaimer(Database db) {
    this.db = db;
    this.transactions = new Transactions(db.storage(), db.statistics());
  }

  /** One slice of every history. */
  @Override
  public boolean runPass() {
    for (TableMetadata table : db.catalog().list()) {
      table.options().pointInTimeRecovery()
          .filter(this::mayHaveExpired)
          .ifPresent(recovery -> reclaim(table, recovery.historyKeyspace()));
    }
    return false;
  }

  /**
   * Whether any record can be older than the recovery period: not while the period reaches back past the moment
   * recovery was enabled, before which no record was written. Until then a pass would read a slice of the history
   * each second for nothing, a cost every write of a table with recovery would carry for its first day or more.
   */
  private boolean mayHaveExpired(PointInTimeRecovery recovery) {
    return horizon(Optional.of(recovery)) > recovery.enabledAt().toEpochMilli();
  }

  private void reclaim(TableMetadata table, int historyKeyspace) {
    KeyRange history = KeyCodec.keyspaceRange(historyKeyspace);
    List<byte[]> expired = new ArrayList<>();
    byte[] last = null;
    int read = 0;
    try (Snapshot snapshot = db.storage().snapshot()) {
      long horizon = Math.min(horizon(table.options().pointInTimeRecovery()), restoring(snapshot, historyKeyspace));
      byte[] from = ResumePositions.read(snapshot, historyKeyspace, Task.HISTORY_RECLAIM, history);
      try (KvCursor cursor = snapshot.scan(new KeyRange(from, history.end()), false)) {
        while (read < RECORDS_PER_PASS && cursor.next()) {
          read++;
          last = cursor.key();
          if (HistoryKeys.millis(last) < horizon) {
            expired.add(last);
          }
        }
      }
    }
    byte[] next = read < RECORDS_PER_PASS || last == null ? null : KeyRange.after(last);
    transactions.run(RequestContext.service(db.clock()), tx -> {
      Optional<PointInTimeRecovery> recovery = db.catalog().current(tx, table.name(), table.keyspace())
          .flatMap(current -> current.options().pointInTimeRecovery())
          .filter(current -> current.historyKeyspace() == historyKeyspace);
      if (recovery.isPresent()) {
        long currentHorizon = horizon(recovery);
        for (byte[] key : expired) {
          if (HistoryKeys.millis(key) < currentHorizon) {
            tx.delete(key);
          }
        }
        ResumePositions.write(tx, historyKeyspace, Task.HISTORY_RECLAIM, next);
      }
      return Committed.nothing(recovery.isPresent());
    });
  }

  /**
   * Epoch milliseconds after the earliest instant a restore in progress reads from this history, which must keep
   * every record after that instant until it ends, however long it runs; no bound when none does.
   */
  private static long restoring(Snapshot snapshot, int historyKeyspace) {
    return RestoreJob.all(snapshot).stream()
        .map(RestoreJob::origin)
        .flatMap(origin -> origin instanceof RestoreOrigin.PointInTime at && at.historyKeyspace() == historyKeyspace
            ? Stream.of(at.at().toEpochMilli() + 1) : Stream.empty())
        .min(Long::compare)
        .orElse(Long.MAX_VALUE);
  }

  /** Epoch milliseconds before which no restore can reach, for the recovery period asked for now. */
  private long horizon(Optional<PointInTimeRecovery> recovery) {
    return recovery.map(r -> db.clock().instant().minus(r.recoveryPeriod()).toEpochMilli()).orElse(Long.MIN_VALUE);
  }
}
