package io.shaledb.core.op.stream;

import io.shaledb.core.op.Database;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.Transaction;
import io.shaledb.core.stream.StreamDescriptor;
import io.shaledb.core.stream.StreamLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps streams in shape: rolls each open shard over after {@link #ROLLOVER}, and removes records older than
 * {@link #RETENTION} (24 hours, as DynamoDB keeps them), remembering where the trim reached so that readers asking for
 * older records get TrimmedDataAccessException.
 */
public final class StreamMaintenance implements Runnable {
  public static final Duration ROLLOVER = Duration.ofHours(4);
  public static final Duration RETENTION = Duration.ofHours(24);
  private static final int TRIM_BATCH = 1_000;

  private final Database db;

  public StreamMaintenance(Database db) {
    this.db = db;
  }

  /** One pass over every stream. */
  @Override
  public void run() {
    Instant now = db.clock().instant();
    for (StreamDescriptor stream : db.catalog().streams()) {
      StreamDescriptor updated = stream;
      StreamDescriptor.Shard open = stream.openShard();
      if (open != null && Duration.between(open.created(), now).compareTo(ROLLOVER) >= 0) {
        updated = synchronizedRollOver(stream, now);
      }
      long trimmedBefore = trim(updated, now.minus(RETENTION).toEpochMilli());
      if (trimmedBefore > updated.trimmedBefore()) {
        updated = updated.trimmedBefore(trimmedBefore);
      }
      if (updated != stream) {
        db.catalog().saveStream(updated);
      }
    }
  }

  private StreamDescriptor synchronizedRollOver(StreamDescriptor stream, Instant now) {
    synchronized (db.catalog()) {
      StreamDescriptor current = db.catalog().stream(stream.arn()).orElse(stream);
      return current.rollOver(now, db.streams().boundary());
    }
  }

  /** Deletes records written before {@code cutoffMillis}; returns the sequence number the trim reached. */
  private long trim(StreamDescriptor stream, long cutoffMillis) {
    KeyRange range = StreamLog.range(stream.keyspace());
    List<byte[]> old = new ArrayList<>();
    long reached = stream.trimmedBefore();
    try (Snapshot snapshot = db.storage().snapshot(); KvCursor cursor = snapshot.scan(range, false)) {
      while (old.size() < TRIM_BATCH && cursor.next()) {
        if (StreamLog.timeMillis(cursor.value()) >= cutoffMillis) {
          break;
        }
        old.add(cursor.key());
        reached = StreamLog.sequenceOf(cursor.key()) + 1;
      }
    }
    if (!old.isEmpty()) {
      try (Transaction tx = db.storage().begin()) {
        old.forEach(tx::delete);
        tx.commit();
      }
    }
    return reached;
  }
}
