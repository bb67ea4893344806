package io.shaledb.core.backup;

import io.shaledb.core.catalog.SystemKeyspace;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.KvReader;
import io.shaledb.core.storage.Transaction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A restore still filling its table: kept in the system keyspace under the table's keyspace ({@code 'R'
 * keyspace}), written by the catalog change that creates the table as CREATING and removed by the one that makes
 * it ACTIVE; where the copy resumes is kept beside it ({@code 'P'}). Both are keyed by the table's keyspace, so
 * they go with it if it is ever dropped.
 *
 * @param keyspace the restored table's keyspace
 * @param tableName the restored table's name (its catalog entry must still have {@code keyspace})
 */
public record RestoreJob(int keyspace, String tableName, RestoreOrigin origin) {
  private static final int VERSION = 1;

  /** Registers the job; call in the catalog change that creates the table. */
  public void start(Transaction tx) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(tableName);
      RestoreOrigin.write(out, origin);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    tx.put(SystemKeyspace.restore(keyspace), bytes.toByteArray());
  }

  /** Removes the job; call in the catalog change that ends the restore. */
  public void finish(Transaction tx) {
    tx.delete(SystemKeyspace.restore(keyspace));
  }

  /** Every restore in progress, by keyspace. */
  public static List<RestoreJob> all(KvReader reader) {
    List<RestoreJob> jobs = new ArrayList<>();
    try (KvCursor cursor = reader.scan(SystemKeyspace.all(SystemKeyspace.Kind.RESTORE), false)) {
      while (cursor.next()) {
        jobs.add(decode(SystemKeyspace.owner(cursor.key()), cursor.value()));
      }
    }
    return jobs;
  }

  /** Whether a restore in progress reads {@code origin}. */
  public static boolean anyReads(KvReader reader, RestoreOrigin origin) {
    return all(reader).stream().anyMatch(job -> job.origin().equals(origin));
  }

  private static RestoreJob decode(int keyspace, byte[] stored) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
      int version = in.readUnsignedByte();
      if (version != VERSION) {
        throw new IllegalStateException("unknown restore job format version " + version);
      }
      return new RestoreJob(keyspace, in.readUTF(), RestoreOrigin.read(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
