package io.shaledb.core.encryption;

import io.shaledb.core.catalog.SystemKeyspace;
import io.shaledb.core.storage.KvReader;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.Transaction;
import io.shaledb.core.storage.WouldBlockException;
import io.shaledb.core.storage.WriteConflictException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The data key of each keyspace (a table, an index, a stream, a table's history, a backup), created at the
 * keyspace's first write and kept wrapped in the system keyspace ({@link SystemKeyspace#dataKey}), so it is removed
 * with the keyspace ({@link SystemKeyspace#ownedBy}). Keyspace ids are never reused, so an unwrapped key stays valid
 * in memory for the life of the process; a key is read from the store once per process.
 */
final class DataKeys {
  private static final int MAX_ATTEMPTS = 1000;

  private final StorageEngine engine;
  private final MasterKey master;
  private final Map<Integer, SecretKey> unwrapped = new ConcurrentHashMap<>();

  DataKeys(StorageEngine engine, MasterKey master) {
    this.engine = engine;
    this.master = master;
  }

  /**
   * The key of values read through {@code reader}, which sees the key if it sees any value under it (the key is
   * committed first), even when the keyspace was dropped since.
   */
  SecretKey forReading(KvReader reader, int keyspace) {
    SecretKey known = unwrapped.get(keyspace);
    if (known != null) {
      return known;
    }
    byte[] wrapped = reader.get(SystemKeyspace.dataKey(keyspace));
    if (wrapped == null) {
      throw new IllegalStateException("keyspace " + keyspace + " holds values but no data key to open them");
    }
    return remember(keyspace, wrapped);
  }

  /** The key of values read without blocking: from memory, or the engine's caches. */
  SecretKey forReadingWithoutBlocking(int keyspace) {
    SecretKey known = unwrapped.get(keyspace);
    if (known != null) {
      return known;
    }
    byte[] wrapped = engine.getWithoutBlocking(SystemKeyspace.dataKey(keyspace));
    if (wrapped == null) {
      throw new WouldBlockException();
    }
    return remember(keyspace, wrapped);
  }

  /**
   * The key to seal values written to {@code keyspace}, created and committed (in a transaction of its own, before
   * any value under it) when the keyspace has none yet.
   */
  SecretKey forWriting(int keyspace) {
    SecretKey known = unwrapped.get(keyspace);
    if (known != null) {
      return known;
    }
    byte[] key = SystemKeyspace.dataKey(keyspace);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      try (Transaction tx = engine.begin()) {
        byte[] wrapped = tx.get(key);
        if (wrapped != null) {
          return remember(keyspace, wrapped);
        }
        byte[] fresh = AesGcm.newKey();
        tx.put(key, master.wrap(keyspace, fresh));
        tx.commit();
        SecretKey created = new SecretKeySpec(fresh, "AES");
        unwrapped.put(keyspace, created);
        return created;
      } catch (WriteConflictException raced) {
        Thread.onSpinWait();
      }
    }
    throw new IllegalStateException("the data key of keyspace " + keyspace + " is too contended to create");
  }

  private SecretKey remember(int keyspace, byte[] wrapped) {
    return unwrapped.computeIfAbsent(keyspace, id -> master.unwrap(id, wrapped));
  }
}
