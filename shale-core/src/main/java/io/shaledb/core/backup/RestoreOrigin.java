package io.shaledb.core.backup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * What a restore reads, as kept in the system keyspace with the restore job ({@link RestoreJob}), so that a
 * restarted server knows where to resume from. Each kind is opened as a {@link RestoreSource} by
 * {@code RestoreSources.open}. Persisted by its tag byte: a tag is never changed or reused.
 */
public sealed interface RestoreOrigin {

  /** An on-demand backup (RestoreTableFromBackup). */
  record FromBackup(String backupArn) implements RestoreOrigin {}

  static void write(DataOutputStream out, RestoreOrigin origin) throws IOException {
    switch (origin) {
      case FromBackup backup -> {
        out.writeByte('B');
        out.writeUTF(backup.backupArn());
      }
    }
  }

  static RestoreOrigin read(DataInputStream in) throws IOException {
    int tag = in.readUnsignedByte();
    return switch (tag) {
      case 'B' -> new FromBackup(in.readUTF());
      default -> throw new IllegalStateException("unknown restore origin " + tag);
    };
  }
}
