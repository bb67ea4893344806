package io.shaledb.core.encryption;

import io.shaledb.core.catalog.SystemKeyspace;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.Transaction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Whether a data directory is encrypted at rest, decided when it is first opened: a master key given to a directory
 * that holds no table yet encrypts it from then on (its key's id is recorded in the system keyspace,
 * {@link SystemKeyspace#masterKey}); a directory is never half encrypted, so one written without a key refuses a
 * key, and an encrypted one refuses to open without its key or with another.
 */
public final class EncryptionAtRest {
  /** Where the options that name a master key are described, for messages. */
  private static final String HOW = "--encryption-key-file or SHALEDB_ENCRYPTION_KEY_FILE";

  private EncryptionAtRest() {}

  /**
   * {@code engine} as the server uses it: encrypting under {@code master} when given, as it is otherwise.
   *
   * @throws IllegalStateException when the key does not suit the data directory, with what to do
   */
  public static StorageEngine open(StorageEngine engine, @Nullable MasterKey master) {
    Optional<String> recorded = recordedKeyId(engine);
    if (master == null) {
      if (recorded.isPresent()) {
        throw new IllegalStateException("the data directory is encrypted at rest under master key "
            + recorded.get() + ": name its key file (" + HOW + ")");
      }
      return engine;
    }
    if (recorded.isEmpty()) {
      record(engine, master);
    } else if (!recorded.get().equals(master.id())) {
      throw new IllegalStateException("the data directory is encrypted at rest under master key " + recorded.get()
          + ", and the key file given holds master key " + master.id() + ": name the key file it was encrypted with");
    }
    return new EncryptedEngine(engine, master);
  }

  /** The id of the master key the directory is encrypted under, if it is. */
  public static Optional<String> recordedKeyId(StorageEngine engine) {
    try (Snapshot snapshot = engine.snapshot()) {
      byte[] id = snapshot.get(SystemKeyspace.masterKey());
      return Optional.ofNullable(id).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }
  }

  /**
   * Replaces the master key of an encrypted directory: every data key is unwrapped with {@code current} and wrapped
   * again with {@code next}, with the new key's id, in one transaction. Values are not rewritten: their data keys
   * stay the same.
   *
   * @return how many data keys were rewrapped
   * @throws IllegalStateException when the directory is not encrypted under {@code current}
   */
  public static int rotate(StorageEngine engine, MasterKey current, MasterKey next) {
    Optional<String> recorded = recordedKeyId(engine);
    if (!recorded.equals(Optional.of(current.id()))) {
      throw new IllegalStateException(recorded.map(id -> "the data directory is encrypted under master key " + id
          + ", not " + current.id()).orElse("the data directory is not encrypted at rest"));
    }
    int rewrapped = 0;
    try (Transaction tx = engine.begin();
        KvCursor cursor = tx.scan(SystemKeyspace.all(SystemKeyspace.Kind.DATA_KEY), false)) {
      while (cursor.next()) {
        int keyspace = SystemKeyspace.owner(cursor.key());
        byte[] dataKey = current.unwrap(keyspace, cursor.value()).getEncoded();
        tx.put(cursor.key(), next.wrap(keyspace, dataKey));
        rewrapped++;
      }
      tx.put(SystemKeyspace.masterKey(), next.id().getBytes(StandardCharsets.UTF_8));
      tx.commit();
    }
    return rewrapped;
  }

  /**
   * Records {@code master} as the directory's key, unless the directory already holds keyspaces written in clear.
   */
  private static void record(StorageEngine engine, MasterKey master) {
    try (Transaction tx = engine.begin()) {
      if (tx.get(SystemKeyspace.nextKeyspace()) != null) {
        throw new IllegalStateException("the data directory holds tables written without encryption at rest, and a"
            + " directory is never half encrypted: start without a master key, or copy the tables into a new"
            + " directory started with one");
      }
      tx.put(SystemKeyspace.masterKey(), master.id().getBytes(StandardCharsets.UTF_8));
      tx.commit();
    }
  }
}
