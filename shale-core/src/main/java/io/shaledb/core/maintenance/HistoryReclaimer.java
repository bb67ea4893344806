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
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Deletes point-in-time recovery history older than each table's recovery period: no restore can reach it, and no
 * restore within the period needs it (the state at T is the before-image of the first change after T, and every
 * record it deletes is of a change before the period began). Each pass reads a bounded slice of each history
 * keyspace, resuming where the last pass stopped, and deletes what it found in one transaction that checks the table
 * is still the one of that keyspace with that history, and applies the period the table has then.
 *
 * <p>A sweep (the slices from a keyspace's start to its end) learns how old the oldest record it left is, and the
 * keyspace is not read again until that record is a hundredth of a period past its expiry: an idle history is then
 * not read at all, and one written all the time, where some record expires every moment, is swept a hundred times a
 * period rather than once a second. Records outlive their period by that much at most; restores never reach them,
 * since the earliest restorable instant follows from the period alone.
 */
public final class HistoryReclaimer implements BackgroundService {
  private static final int RECORDS_PER_PASS = 10_000;
  private static final int SWEEPS_PER_PERIOD = 100;

  private final Database db;
  private final Transactions transactions;
  /**
   * Per history keyspace, the oldest record the last complete sweep of this process left (epoch ms). Kept in memory
   * only: after a restart the first sweep learns it again.
   */
  private final Map<Integer, Long> oldestRecords = new HashMap<>();
  /** Per history keyspace, the sweep under way that this process began at the keyspace's start. */
  private final Map<Integer, Sweep> sweeps = new HashMap<>();

  /**
   * A sweep under way.
   *
   * @param startedAt when it began: a record it does not see, written behind its position meanwhile, is no older
   * @param oldestLeft the oldest record it read and left, Long.MAX_VALUE while there is none
   */
  private record Sweep(long startedAt, long oldestLeft) {
    Sweep leaving(long millis) {
      return new Sweep(startedAt, Math.min(oldestLeft, millis));
    }

    long oldestRecord() {
      return Math.min(startedAt, oldestLeft);
    }
  }

  public HistoryReclaimer(Database db) {
    this.db = db;
    this.transactions = new Transactions(db.storage(), db.statistics());
  }

  /** One slice of every history that may hold an expired record. */
  @Override
  public boolean runPass() {
    Set<Integer> histories = new HashSet<>();
    for (TableMetadata table : db.catalog().list()) {
      table.options().pointInTimeRecovery().ifPresent(recovery -> {
        histories.add(recovery.historyKeyspace());
        if (mayHaveExpired(recovery)) {
          reclaim(table, recovery.historyKeyspace());
        }
      });
    }
    oldestRecords.keySet().retainAll(histories);
    sweeps.keySet().retainAll(histories);
    return false;
  }

  /**
   * Whether a record may be older than the recovery period: not while the period reaches back past the moment
   * recovery was enabled, before which no record was written (a table's first day or more), nor, once a sweep has
   * measured it, until the oldest record left is a hundredth of a period past its expiry. A sweep under way goes on.
   */
  private boolean mayHaveExpired(PointInTimeRecovery recovery) {
    long horizon = horizon(Optional.of(recovery));
    if (sweeps.containsKey(recovery.historyKeyspace())) {
      return true;
    }
    Long oldest = oldestRecords.get(recovery.historyKeyspace());
    return oldest == null
        ? horizon > recovery.enabledAt().toEpochMilli()
        : horizon > oldest + recovery.recoveryPeriod().toMillis() / SWEEPS_PER_PERIOD;
  }

  private void reclaim(TableMetadata table, int historyKeyspace) {
    KeyRange history = KeyCodec.keyspaceRange(historyKeyspace);
    List<byte[]> expired = new ArrayList<>();
    byte[] last = null;
    int read = 0;
    Sweep sweep;
    try (Snapshot snapshot = db.storage().snapshot()) {
      long horizon = Math.min(horizon(table.options().pointInTimeRecovery()), restoring(snapshot, historyKeyspace));
      byte[] from = ResumePositions.read(snapshot, historyKeyspace, Task.HISTORY_RECLAIM, history);
      sweep = Arrays.equals(from, history.start()) ? new Sweep(db.clock().millis(), Long.MAX_VALUE)
          : sweeps.get(historyKeyspace);
      try (KvCursor cursor = snapshot.scan(new KeyRange(from, history.end()), false)) {
        while (read < RECORDS_PER_PASS && cursor.next()) {
          read++;
          last = cursor.key();
          long millis = HistoryKeys.millis(last);
          if (millis < horizon) {
            expired.add(last);
          } else if (sweep != null) {
            sweep = sweep.leaving(millis);
          }
        }
      }
    }
    byte[] next = read < RECORDS_PER_PASS || last == null ? null : KeyRange.after(last);
    OptionalLong oldestExpiredLeft = transactions.run(RequestContext.service(db.clock()), tx -> {
      Optional<PointInTimeRecovery> recovery = db.catalog().current(tx, table.name(), table.keyspace())
          .flatMap(current -> current.options().pointInTimeRecovery())
          .filter(current -> current.historyKeyspace() == historyKeyspace);
      if (recovery.isEmpty()) {
        return Committed.nothing(OptionalLong.empty());
      }
      long currentHorizon = horizon(recovery);
      long oldestLeft = Long.MAX_VALUE;
      for (byte[] key : expired) {
        long millis = HistoryKeys.millis(key);
        if (millis < currentHorizon) {
          tx.delete(key);
        } else {
          oldestLeft = Math.min(oldestLeft, millis);
        }
      }
      ResumePositions.write(tx, historyKeyspace, Task.HISTORY_RECLAIM, next);
      return Committed.nothing(OptionalLong.of(oldestLeft));
    });
    if (sweep == null || oldestExpiredLeft.isEmpty()) {
      sweeps.remove(historyKeyspace);
    } else if (next == null) {
      oldestRecords.put(historyKeyspace, sweep.leaving(oldestExpiredLeft.getAsLong()).oldestRecord());
      sweeps.remove(historyKeyspace);
    } else {
      sweeps.put(historyKeyspace, sweep.leaving(oldestExpiredLeft.getAsLong()));
    }
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
