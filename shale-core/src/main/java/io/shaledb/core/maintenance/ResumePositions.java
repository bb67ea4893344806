package io.shaledb.core.maintenance;

import io.shaledb.core.catalog.SystemKeyspace;
import io.shaledb.core.catalog.SystemKeyspace.Task;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvReader;
import io.shaledb.core.storage.Transaction;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Where a background task over a keyspace resumes: the key its next pass starts from, kept in the system keyspace
 * under the keyspace's id, so it is removed with the keyspace ({@link SystemKeyspace#ownedBy}).
 */
final class ResumePositions {
  private ResumePositions() {}

  /**
   * Where {@code task} resumes within {@code range}: the stored position (the range's end when the walk is done), or
   * the range's start.
   */
  static byte[] read(KvReader reader, int keyspace, Task task, KeyRange range) {
    byte[] stored = reader.get(SystemKeyspace.progress(keyspace, task));
    if (stored != null && Arrays.compareUnsigned(stored, range.start()) >= 0
        && Arrays.compareUnsigned(stored, range.end()) <= 0) {
      return stored;
    }
    return range.start();
  }

  /** Records where {@code task} resumes; null starts the next pass from the range's start. */
  static void write(Transaction tx, int keyspace, Task task, byte @Nullable [] position) {
    if (position == null) {
      tx.delete(SystemKeyspace.progress(keyspace, task));
    } else {
      tx.put(SystemKeyspace.progress(keyspace, task), position);
    }
  }
}
