package io.shaledb.core.backup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;

/**
 * What a restore reads, as kept in the system keyspace with the restore job ({@link RestoreJob}), so that a
 * restarted server knows where to resume from. Each kind is opened as a {@link RestoreSource} by
 * {@code RestoreSources.open}. Persisted by its tag byte: a tag is never changed or reused.
 */
public sealed interface RestoreOrigin {

  /** An on-demand backup (RestoreTableFromBackup). */
  record FromBackup(String backupArn) implements RestoreOrigin {}

  /**
   * A table with point-in-time recovery, as it was at an instant (RestoreTableToPointInTime): its items and their
   * history, by keyspace.
   */
  record PointInTime(int tableKeyspace, int historyKeyspace, Instant at) implements RestoreOrigin {}

  /**
   * Whether the restore reads keyspace {@code keyspace} directly, which must then outlive its owner until the restore
   * ends (a point in time reads its table's items and history, which its table's deletion would drop). A backup's
   * keyspace is kept by its descriptor, which cannot go while a restore reads it.
   */
  default boolean reads(int keyspace) {
    return switch (this) {
      case FromBackup backup -> false;
      case PointInTime pointInTime -> pointInTime.tableKeyspace() == keyspace
          || pointInTime.historyKeyspace() == keyspace;
    };
  }

  static void write(DataOutputStream out, RestoreOrigin origin) throws IOException {
    switch (origin) {
      case FromBackup backup -> {
        out.writeByte('B');
        out.writeUTF(backup.backupArn());
      }
      case PointInTime pointInTime -> {
        out.writeByte('P');
        out.writeInt(pointInTime.tableKeyspace());
        out.writeInt(pointInTime.historyKeyspace());
        out.writeLong(pointInTime.at().toEpochMilli());
      }
    }
  }

  static RestoreOrigin read(DataInputStream in) throws IOException {
    int tag = in.readUnsignedByte();
    return switch (tag) {
      case 'B' -> new FromBackup(in.readUTF());
      case 'P' -> new PointInTime(in.readInt(), in.readInt(), Instant.ofEpochMilli(in.readLong()));
      default -> throw new IllegalStateException("unknown restore origin " + tag);
    };
  }
}
