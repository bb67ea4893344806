package io.shaledb.core.maintenance;

import io.shaledb.core.background.BackgroundService;
import io.shaledb.core.backup.RestoreJob;
import io.shaledb.core.backup.RestoreSource;
import io.shaledb.core.backup.RestoreSource.SourceItem;
import io.shaledb.core.backup.RestoreSources;
import io.shaledb.core.catalog.SystemKeyspace.Task;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.op.Database;
import io.shaledb.core.schema.RestoreSummary;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.write.WritePipeline;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Fills tables being restored (RestoreTableFromBackup, RestoreTableToPointInTime): reads the items of the job's
 * {@link RestoreSource} in key order and stages each batch through the write pipeline, so index entries, item
 * collections and statistics come out as for any write, in one transaction with where the next batch starts
 * ({@code 'P'}). A restart resumes there. Once the source is exhausted, one catalog change makes the table ACTIVE
 * (its RestoreSummary no longer in progress) and removes the job; until then the table is CREATING and refuses item
 * requests and refuses DeleteTable, UpdateTable and UpdateTimeToLive, so a half-filled table is never served and
 * nothing changes it under the copy.
 */
public final class TableRestorer implements BackgroundService {
  /** Items per transaction at most; its bytes are bounded as a backup's copy bounds them. */
  static final int BATCH = 256;

  private final Database db;
  private final WritePipeline pipeline;

  public TableRestorer(Database db) {
    this.db = db;
    this.pipeline = new WritePipeline(db);
  }

  @Override
  public boolean runPass() {
    RestoreJob job;
    byte[] from;
    KeyRange range;
    try (Snapshot snapshot = db.storage().snapshot()) {
      List<RestoreJob> jobs = RestoreJob.all(snapshot);
      if (jobs.isEmpty()) {
        return false;
      }
      job = jobs.getFirst();
      range = KeyCodec.keyspaceRange(job.keyspace());
      from = ResumePositions.read(snapshot, job.keyspace(), Task.RESTORE_COPY, range);
    }
    Optional<TableMetadata> table = db.catalog().find(job.tableName())
        .filter(found -> found.keyspace() == job.keyspace());
    if (table.isEmpty() || Arrays.equals(from, range.end())) {
      finish(job);
      return true;
    }
    RestoreSource source = RestoreSources.open(db.storage(), job.origin());
    List<SourceItem> items = source.read(Arrays.copyOfRange(from, KeyCodec.KEYSPACE_BYTES, from.length), BATCH,
        BackupCopier.BATCH_BYTES);
    if (items.isEmpty()) {
      finish(job);
      return true;
    }
    byte[] last = items.getLast().key();
    byte[] next = KeyRange.after(ByteBuffer.allocate(KeyCodec.KEYSPACE_BYTES + last.length).putInt(job.keyspace())
        .put(last).array());
    pipeline.restore(table.get(), items, tx -> ResumePositions.write(tx, job.keyspace(), Task.RESTORE_COPY, next));
    return true;
  }

  /** Makes the table ACTIVE and ends the job (only the job, should its table be gone). */
  private void finish(RestoreJob job) {
    db.catalog().change(change -> {
      change.table(job.tableName())
          .filter(table -> table.keyspace() == job.keyspace() && table.restoring())
          .ifPresent(table -> change.putTable(table.withOptions(
              table.options().withRestore(table.options().restore().map(RestoreSummary::completed)))));
      job.finish(change.storage());
      ResumePositions.write(change.storage(), job.keyspace(), Task.RESTORE_COPY, null);
      return null;
    });
  }
}
