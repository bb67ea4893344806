package io.shaledb.core.encryption;

import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.storage.Capability;
import io.shaledb.core.storage.ClusterStatus;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.KvReader;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.Transaction;
import java.security.GeneralSecurityException;
import java.util.Set;
import javax.crypto.SecretKey;
import org.jspecify.annotations.Nullable;

/**
 * Encryption at rest for any engine: every value of a user keyspace (items, index entries, stream records, history
 * records, backups) is sealed with AES-256-GCM under its keyspace's data key on its way into the engine and opened on
 * its way out, so what the engine writes (its log, table files, anything it copies) holds no value in clear. Keys stay
 * in clear, since the engine orders by them: the keyspace id and an item's key attributes (partition and sort key,
 * and an index's key attributes in its entries), and the system keyspace (keyspace 0: table definitions, the
 * principal store, progress markers) is not encrypted. Sizes reported to clients are the values' own, since callers
 * only ever see opened values.
 */
public final class EncryptedEngine implements StorageEngine {
  /** The first byte of a sealed value: the format, authenticated with the rest. */
  private static final byte[] FORMAT = {1};

  private final StorageEngine engine;
  private final DataKeys keys;
  private final MasterKey master;

  EncryptedEngine(StorageEngine engine, MasterKey master) {
    this.engine = engine;
    this.master = master;
    this.keys = new DataKeys(engine, master);
  }

  /** The id of the master key the data keys are wrapped by. */
  public String masterKeyId() {
    return master.id();
  }

  @Override
  public Snapshot snapshot() {
    return new SealedSnapshot(engine.snapshot());
  }

  @Override
  public Snapshot consistentSnapshot() {
    return new SealedSnapshot(engine.consistentSnapshot());
  }

  @Override
  public byte @Nullable [] getWithoutBlocking(byte[] key) {
    byte[] value = engine.getWithoutBlocking(key);
    int keyspace = keyspace(key);
    return value == null || keyspace == 0 ? value : open(keys.forReadingWithoutBlocking(keyspace), keyspace, value);
  }

  @Override
  public long nextVersionstamp() {
    return engine.nextVersionstamp();
  }

  @Override
  public Transaction begin() {
    return new SealingTransaction(engine.begin());
  }

  @Override
  public void clearRange(KeyRange range) {
    engine.clearRange(range);
  }

  @Override
  public ClusterStatus clusterStatus() {
    return engine.clusterStatus();
  }

  @Override
  public Set<Capability> capabilities() {
    return engine.capabilities();
  }

  @Override
  public void close() {
    engine.close();
  }

  /** The keyspace a key belongs to: its first four bytes; 0, the system keyspace, for shorter keys. */
  private static int keyspace(byte[] key) {
    if (key.length < KeyCodec.KEYSPACE_BYTES) {
      return 0;
    }
    return (key[0] & 0xff) << 24 | (key[1] & 0xff) << 16 | (key[2] & 0xff) << 8 | (key[3] & 0xff);
  }

  private byte[] seal(byte[] key, byte[] value) {
    int keyspace = keyspace(key);
    return keyspace == 0 ? value : AesGcm.seal(keys.forWriting(keyspace), FORMAT, value);
  }

  private byte[] open(KvReader reader, byte[] key, byte[] value) {
    int keyspace = keyspace(key);
    return keyspace == 0 ? value : open(keys.forReading(reader, keyspace), keyspace, value);
  }

  private static byte[] open(SecretKey key, int keyspace, byte[] sealed) {
    try {
      return AesGcm.open(key, FORMAT, sealed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a value of keyspace " + keyspace + " does not open with its data key: the"
          + " data directory was changed outside ShaleDB", e);
    }
  }

  /** A reader to close: what a snapshot and a transaction have in common. */
  private interface ClosingReader extends KvReader, AutoCloseable {
    @Override
    void close();
  }

  /** Reads through {@code reader}, opening values with data keys it can see; closing closes the reader. */
  private class OpeningReader implements ClosingReader {
    final KvReader reader;
    private final Runnable closer;

    OpeningReader(KvReader reader, Runnable closer) {
      this.reader = reader;
      this.closer = closer;
    }

    @Override
    public void close() {
      closer.run();
    }

    @Override
    public byte @Nullable [] get(byte[] key) {
      byte[] value = reader.get(key);
      return value == null ? null : open(reader, key, value);
    }

    @Override
    public KvCursor scan(KeyRange range, boolean reverse) {
      KvCursor cursor = reader.scan(range, reverse);
      return new KvCursor() {
        private byte @Nullable [] opened;

        @Override
        public boolean next() {
          opened = null;
          return cursor.next();
        }

        @Override
        public byte[] key() {
          return cursor.key();
        }

        @Override
        public byte[] value() {
          byte[] value = opened;
          if (value == null) {
            value = open(reader, cursor.key(), cursor.value());
            opened = value;
          }
          return value;
        }

        @Override
        public void close() {
          cursor.close();
        }
      };
    }
  }

  private final class SealedSnapshot extends OpeningReader implements Snapshot {
    SealedSnapshot(Snapshot snapshot) {
      super(snapshot, snapshot::close);
    }
  }

  private final class SealingTransaction extends OpeningReader implements Transaction {
    private final Transaction tx;

    SealingTransaction(Transaction tx) {
      super(tx, tx::close);
      this.tx = tx;
    }

    @Override
    public void put(byte[] key, byte[] value) {
      tx.put(key, seal(key, value));
    }

    @Override
    public void delete(byte[] key) {
      tx.delete(key);
    }

    @Override
    public void putVersionstamped(byte[] prefix, byte[] value) {
      tx.putVersionstamped(prefix, seal(prefix, value));
    }

    @Override
    public void commit() {
      tx.commit();
    }
  }
}
