package io.shaledb.core.maintenance;

import io.shaledb.core.background.BackgroundService;
import io.shaledb.core.background.Service;
import io.shaledb.core.catalog.ReplicaPosition;
import io.shaledb.core.op.Database;
import io.shaledb.core.schema.Replica;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.stream.StreamDescriptor;
import io.shaledb.core.stream.StreamLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps streams in shape: rolls each open shard over after {@link #ROLLOVER}; removes records older than
 * {@link #RETENTION} (24 hours, as DynamoDB keeps them), recording in the same commit where the trim reached, so that
 * readers asking for older records get TrimmedDataAccessException, but none a replica in another region has not
 * acknowledged; and forgets a closed stream once its records are
 * past retention, dropping its keyspace.
 */
public final class StreamMaintenance implements BackgroundService {
  public static final Duration ROLLOVER = Duration.ofHours(4);
  public static final Duration RETENTION = Duration.ofHours(24);
  private static final int TRIM_BATCH = 1_000;

  private final Database db;

  public StreamMaintenance(Database db) {
    this.db = db;
  }

  /** One step for every stream; more work waits when a trim filled its batch. */
  @Override
  public boolean runPass() {
    Instant now = db.clock().instant();
    boolean more = false;
    for (StreamDescriptor stream : db.catalog().streams()) {
      if (stream.closed() != null && !stream.closed().plus(RETENTION).isAfter(now)) {
        forget(stream);
        continue;
      }
      StreamDescriptor.Shard open = stream.openShard();
      if (open != null && !open.created().plus(ROLLOVER).isAfter(now)) {
        rollOver(stream, now);
      }
      more |= trim(stream, now.minus(RETENTION).toEpochMilli());
    }
    return more;
  }

  /**
   * Ends the open shard at the next versionstamp: every record below it has committed, every later one lands in the
   * new shard, so no reader of the old shard can miss a record that commits after it ended.
   */
  private void rollOver(StreamDescriptor stream, Instant now) {
    db.catalog().change(change -> {
      change.stream(stream.arn())
          .filter(current -> current.openShard() != null
              && !current.openShard().created().plus(ROLLOVER).isAfter(now))
          .ifPresent(current -> change.putStream(current.rollOver(now, db.storage().nextVersionstamp())));
      return null;
    });
  }

  /** Deletes up to a batch of records written before {@code cutoffMillis}; true when the batch was full. */
  private boolean trim(StreamDescriptor stream, long cutoffMillis) {
    List<byte[]> old = new ArrayList<>();
    long reached = stream.trimmedBefore();
    try (Snapshot snapshot = db.storage().snapshot();
        KvCursor cursor = snapshot.scan(StreamLog.range(stream.keyspace()), false)) {
      long unsent = oldestUnsent(snapshot, stream);
      while (old.size() < TRIM_BATCH && cursor.next()) {
        if (StreamLog.timeMillis(cursor.value()) >= cutoffMillis || StreamLog.sequenceOf(cursor.key()) >= unsent) {
          break;
        }
        old.add(cursor.key());
        reached = StreamLog.sequenceOf(cursor.key()) + 1;
      }
    }
    if (old.isEmpty()) {
      return false;
    }
    long trimmedBefore = reached;
    db.catalog().change(change -> {
      change.stream(stream.arn()).ifPresent(current -> {
        old.forEach(change.storage()::delete);
        change.putStream(current.trimmedBefore(Math.max(current.trimmedBefore(), trimmedBefore)));
      });
      return null;
    });
    return old.size() == TRIM_BATCH;
  }

  /**
   * The first record of the stream that a replica of its table has not acknowledged yet (docs/global-tables.md): a
   * region that is down catches up from its position when it returns, however long it was away.
   */
  private long oldestUnsent(Snapshot snapshot, StreamDescriptor stream) {
    TableMetadata table = db.catalog().find(stream.tableName())
        .filter(t -> t.stream() != null && t.stream().keyspace() == stream.keyspace()).orElse(null);
    long oldest = Long.MAX_VALUE;
    if (table != null && table.options().replication().isPresent()) {
      for (Replica replica : table.options().replication().get().replicas()) {
        oldest = Math.min(oldest, ReplicaPosition.read(snapshot, table.keyspace(), replica.region())
            .map(ReplicaPosition::streamFrom).orElse(Long.MAX_VALUE));
      }
    }
    return oldest;
  }

  private void forget(StreamDescriptor stream) {
    db.catalog().change(change -> {
      change.stream(stream.arn()).ifPresent(change::deleteStream);
      return null;
    });
    db.background().wake(Service.KEYSPACE_RECLAIM);
  }
}
