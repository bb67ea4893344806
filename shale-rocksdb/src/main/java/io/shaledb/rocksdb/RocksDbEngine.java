package io.shaledb.rocksdb;

import io.shaledb.core.storage.Capability;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.Transaction;
import io.shaledb.core.storage.WouldBlockException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
import org.rocksdb.Holder;
import org.rocksdb.KeyMayExist;
import org.rocksdb.LRUCache;
import org.rocksdb.OptimisticTransactionDB;
import org.rocksdb.OptimisticTransactionOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The durable engine, on RocksDB's {@link OptimisticTransactionDB}: RocksDB checks transaction conflicts itself (a
 * commit fails with Busy or TryAgain when a key the transaction read or wrote changed after its snapshot).
 *
 * <p>Durability: every commit is written to the write-ahead log, which reaches the operating system before the
 * commit returns ({@code manual_wal_flush} stays off), so an acknowledged write survives the process being killed.
 * Surviving a power loss would additionally need an fsync per commit, which this engine does not pay for.
 */
public final class RocksDbEngine implements StorageEngine {
  static {
    RocksDB.loadLibrary();
  }

  private static final long BLOCK_CACHE_BYTES = 64L << 20;
  private static final long WRITE_BUFFER_BYTES = 32L << 20;
  private static final int CLEAR_BATCH_KEYS = 10_000;
  /** Per calling thread, which for reads without blocking are a server's few network threads. */
  private static final ThreadLocal<ReadBuffers> READ_BUFFERS = ThreadLocal.withInitial(ReadBuffers::new);

  private final LRUCache blockCache;
  private final BloomFilter bloomFilter;
  private final Options options;
  private final WriteOptions writeOptions;
  private final OptimisticTransactionOptions transactionOptions;
  private final OptimisticTransactionDB db;
  private final StampedCommits stampedCommits;

  private RocksDbEngine(Path directory) throws RocksDBException {
    // Four shards, not the default 64: a table file's whole-file filter and index blocks are cached as one block
    // each, and once they outgrew a 1 MB shard they were read and decompressed again on every lookup (BatchWriteItem
    // at 64 connections fell from 3,400 to 150 requests/s with both cores in LZ4 and page-cache copies).
    blockCache = new LRUCache(BLOCK_CACHE_BYTES, 2);
    bloomFilter = new BloomFilter(10, false);
    options = new Options()
        .setCreateIfMissing(true)
        .setCompressionType(CompressionType.LZ4_COMPRESSION)
        .setWriteBufferSize(WRITE_BUFFER_BYTES)
        .setMaxBackgroundJobs(2)
        .setTableFormatConfig(new BlockBasedTableConfig()
            .setBlockCache(blockCache)
            .setFilterPolicy(bloomFilter)
            .setCacheIndexAndFilterBlocks(true));
    writeOptions = new WriteOptions();
    transactionOptions = new OptimisticTransactionOptions().setSetSnapshot(true);
    db = OptimisticTransactionDB.open(options, directory.toString());
    stampedCommits = new StampedCommits(db);
  }

  /** Opens (creating if needed) the database in {@code directory}. */
  public static RocksDbEngine open(Path directory) {
    try {
      Files.createDirectories(directory);
      return new RocksDbEngine(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RocksDBException e) {
      throw new IllegalStateException("cannot open RocksDB in " + directory + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Snapshot snapshot() {
    return new RocksSnapshot(db, db.getSnapshot());
  }

  /**
   * KeyMayExist reads the memtables and the block cache only. It answers false when the key is surely absent, and
   * the value when it found it there; otherwise a table file would have to be read. A get limited to the block cache
   * tier would tell the same through an exception, whose stack trace cost more than the read it replaced. Its form
   * on direct buffers is used: the array form creates a Java array of arrays in native code, whose class lookup
   * walked the calling thread's stack on every read (finding 26 in docs/benchmarks.md).
   */
  @Override
  public byte[] getWithoutBlocking(byte[] key) {
    ReadBuffers buffers = READ_BUFFERS.get();
    ByteBuffer value = buffers.value();
    KeyMayExist found = db.keyMayExist(buffers.key(key), value);
    return switch (found.exists) {
      case kNotExist -> null;
      case kExistsWithoutValue -> throw new WouldBlockException();
      case kExistsWithValue -> found.valueLength <= value.capacity()
          ? ReadBuffers.copy(value)
          : getLargerWithoutBlocking(key);
    };
  }

  /** A value longer than the thread's buffer: read again through the array form, which sizes its own. */
  private byte[] getLargerWithoutBlocking(byte[] key) {
    Holder<byte[]> value = new Holder<>();
    if (!db.keyMayExist(key, value)) {
      return null;
    }
    if (value.getValue() == null) {
      throw new WouldBlockException();
    }
    return value.getValue();
  }

  @Override
  public long nextVersionstamp() {
    return stampedCommits.next();
  }

  @Override
  public Transaction begin() {
    return new RocksTransaction(db, db.beginTransaction(writeOptions, transactionOptions), stampedCommits);
  }

  /**
   * Deletes the range key by key in bounded batches: OptimisticTransactionDB does not support DeleteRange, since its
   * conflict checking works on single keys.
   */
  @Override
  public void clearRange(KeyRange range) {
    try (Snapshot snapshot = snapshot(); KvCursor cursor = snapshot.scan(range, false)) {
      boolean more = cursor.next();
      while (more) {
        try (WriteBatch batch = new WriteBatch()) {
          for (int i = 0; i < CLEAR_BATCH_KEYS && more; i++) {
            batch.delete(cursor.key());
            more = cursor.next();
          }
          db.write(writeOptions, batch);
        }
      }
    } catch (RocksDBException e) {
      throw RocksErrors.unchecked(e);
    }
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of(Capability.DURABLE);
  }

  @Override
  public void close() {
    db.close();
    transactionOptions.close();
    writeOptions.close();
    options.close();
    bloomFilter.close();
    blockCache.close();
  }
}
