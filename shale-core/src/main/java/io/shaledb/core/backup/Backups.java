package io.shaledb.core.backup;

import io.shaledb.core.catalog.SystemKeyspace;
import io.shaledb.core.catalog.TableMetadataCodec;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.KvReader;
import io.shaledb.core.storage.Transaction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The backups' descriptors in the system keyspace ({@code 'B' arn}), read and written in the transactions of
 * catalog changes ({@code TableCatalog.change}), so a backup's creation, completion and deletion each commit
 * atomically with what they decided from. The stored form starts with a format version; the source table's metadata
 * is kept in the catalog's own format, so a backup restores every setting the table had.
 */
public final class Backups {
  /** Version 2 added the expiry; version 1 descriptors have none. */
  private static final int VERSION = 2;
  private static final long NO_EXPIRY = Long.MIN_VALUE;

  private Backups() {}

  public static Optional<Backup> find(KvReader reader, String arn) {
    byte[] stored = reader.get(SystemKeyspace.backup(arn));
    return stored == null ? Optional.empty() : Optional.of(decode(stored));
  }

  /** Every backup, by ARN. */
  public static List<Backup> all(KvReader reader) {
    List<Backup> all = new ArrayList<>();
    try (KvCursor cursor = reader.scan(SystemKeyspace.all(SystemKeyspace.Kind.BACKUP), false)) {
      while (cursor.next()) {
        all.add(decode(cursor.value()));
      }
    }
    return all;
  }

  public static void put(Transaction tx, Backup backup) {
    tx.put(SystemKeyspace.backup(backup.arn()), encode(backup));
  }

  public static void delete(Transaction tx, Backup backup) {
    tx.delete(SystemKeyspace.backup(backup.arn()));
  }

  static byte[] encode(Backup backup) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(backup.arn());
      out.writeUTF(backup.name());
      out.writeByte(backup.status().ordinal());
      out.writeByte(backup.type().ordinal());
      out.writeLong(backup.creationDateTime().toEpochMilli());
      out.writeLong(backup.sizeBytes());
      out.writeLong(backup.itemCount());
      out.writeInt(backup.keyspace());
      out.writeUTF(backup.tableArn());
      byte[] table = TableMetadataCodec.encode(backup.table());
      out.writeInt(table.length);
      out.write(table);
      out.writeLong(backup.expiryDateTime().map(Instant::toEpochMilli).orElse(NO_EXPIRY));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static Backup decode(byte[] stored) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
      int version = in.readUnsignedByte();
      if (version != 1 && version != VERSION) {
        throw new IllegalStateException("unknown backup descriptor format version " + version);
      }
      String arn = in.readUTF();
      String name = in.readUTF();
      BackupStatus status = BackupStatus.values()[in.readUnsignedByte()];
      BackupType type = BackupType.values()[in.readUnsignedByte()];
      Instant created = Instant.ofEpochMilli(in.readLong());
      long size = in.readLong();
      long count = in.readLong();
      int keyspace = in.readInt();
      String tableArn = in.readUTF();
      byte[] table = new byte[in.readInt()];
      in.readFully(table);
      long expiry = version == 1 ? NO_EXPIRY : in.readLong();
      return new Backup(arn, name, status, type, created, size, count, keyspace, tableArn,
          TableMetadataCodec.decode(table),
          expiry == NO_EXPIRY ? Optional.empty() : Optional.of(Instant.ofEpochMilli(expiry)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
