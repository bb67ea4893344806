package io.shaledb.rocksdb;

import io.shaledb.core.storage.Capability;
import io.shaledb.core.storage.Durability;
import io.shaledb.core.storage.EngineOptions;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.StorageUnavailableException;
import io.shaledb.core.storage.Transaction;
import io.shaledb.core.storage.WouldBlockException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
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
import org.rocksdb.RocksObject;
import org.rocksdb.StringAppendOperator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The durable engine, on RocksDB's {@link OptimisticTransactionDB}: RocksDB checks transaction conflicts itself (a
 * commit fails with Busy or TryAgain when a key the transaction read or wrote changed after its snapshot).
 *
 * <p>Durability: every commit and every batch of {@link #clearRange} is written to the write-ahead log before it
 * returns ({@code manual_wal_flush} stays off), so it survives the process being killed. With
 * {@link Durability#FSYNC} the write is also synced ({@code WriteOptions.sync}): RocksDB's write-group leader appends
 * the records of every writer waiting at that moment and syncs the log once for all of them, so concurrent commits
 * share one sync (group commit); such writes from virtual threads wait on platform threads ({@link CommitThreads}),
 * or they could not wait together. RocksDB syncs the files it creates (table files, the manifest, {@code CURRENT}) and
 * the directory after it creates, renames or deletes them, whatever the write options say; data files are synced
 * with fdatasync ({@code use_fsync} off), which writes the data and the size needed to read it back, and
 * directories with fsync. With {@link Durability#OS} the log reaches the operating system only, which a power cut
 * may lose.
 *
 * <p>A full disk: a write that finds no space fails, and RocksDB then refuses every write until its error handler
 * finds space again (its default {@code SstFileManager} checks every few seconds) and resumes by itself; meanwhile
 * commits throw {@link StorageUnavailableException} and reads go on. A database that cannot even be opened for
 * writing for lack of space (opening writes a new log and options file, and replays the old log into a table file)
 * is opened read-only instead: reads are served and {@link #begin()} and {@link #clearRange} refuse, until a restart
 * with free space.
 */
public final class RocksDbEngine implements StorageEngine {
  static {
    RocksDB.loadLibrary();
  }

  private static final System.Logger LOG = System.getLogger(RocksDbEngine.class.getName());
  private static final int CLEAR_BATCH_KEYS = 10_000;
  /** Per calling thread, which for reads without blocking are a server's few network threads. */
  private static final ThreadLocal<ReadBuffers> READ_BUFFERS = ThreadLocal.withInitial(ReadBuffers::new);

  /** The figures {@link #statistics} reports, by name, and the RocksDB property each is read from. */
  private static final Map<String, String> STATISTICS = Map.of(
      "memtable_bytes", "rocksdb.cur-size-all-mem-tables",
      "block_cache_usage_bytes", "rocksdb.block-cache-usage",
      "block_cache_capacity_bytes", "rocksdb.block-cache-capacity",
      "pending_compaction_bytes", "rocksdb.estimate-pending-compaction-bytes",
      "running_compactions", "rocksdb.num-running-compactions",
      "live_sst_bytes", "rocksdb.live-sst-files-size",
      "estimated_keys", "rocksdb.estimate-num-keys");

  private final LRUCache blockCache;
  private final BloomFilter bloomFilter;
  private final StringAppendOperator append;
  private final Options options;
  private final WriteOptions writeOptions;
  private final OptimisticTransactionOptions transactionOptions;
  private final WriteOutage outage = new WriteOutage();
  private final CommitThreads commits;
  private final RocksDB db;
  /** The same database as {@link #db} when it was opened for writing; null when it was opened read-only. */
  private final @Nullable OptimisticTransactionDB writable;
  private final StampedCommits stampedCommits;

  private RocksDbEngine(Path directory, Durability durability, RocksDbTuning tuning) throws RocksDBException {
    // Four shards, not the default 64: a table file's whole-file filter and index blocks are cached as one block
    // each, and a shard smaller than them would read and decompress them again on every lookup.
    blockCache = new LRUCache(tuning.blockCacheBytes(), 2);
    bloomFilter = new BloomFilter(10, false);
    // Transaction.append: merge operands are concatenated, with nothing between them.
    append = new StringAppendOperator("");
    options = new Options()
        .setCreateIfMissing(true)
        .setMergeOperator(append)
        .setCompressionType(CompressionType.LZ4_COMPRESSION)
        .setWriteBufferSize(tuning.writeBufferBytes())
        .setMaxBackgroundJobs(tuning.backgroundJobs())
        .setTableFormatConfig(new BlockBasedTableConfig()
            .setBlockCache(blockCache)
            .setFilterPolicy(bloomFilter)
            .setCacheIndexAndFilterBlocks(true));
    writeOptions = new WriteOptions().setSync(durability == Durability.FSYNC);
    commits = new CommitThreads(durability);
    transactionOptions = new OptimisticTransactionOptions().setSetSnapshot(true);
    OptimisticTransactionDB opened;
    RocksDB readable;
    try {
      opened = OptimisticTransactionDB.open(options, directory.toString());
      readable = opened;
    } catch (RocksDBException e) {
      if (!RocksErrors.isOutOfSpace(e)) {
        close(options, writeOptions, transactionOptions, append, bloomFilter, blockCache);
        throw e;
      }
      try {
        readable = RocksDB.openReadOnly(options, directory.toString());
      } catch (RocksDBException readOnly) {
        close(options, writeOptions, transactionOptions, append, bloomFilter, blockCache);
        e.addSuppressed(readOnly);
        throw e;
      }
      opened = null;
      LOG.log(Level.WARNING, "The disk holding {0} is full: the database is open read-only, and writes are refused"
          + " until ShaleDB restarts with free space ({1})", directory, e.getMessage());
    }
    db = readable;
    writable = opened;
    stampedCommits = new StampedCommits(db);
  }

  /**
   * Opens (creating if needed) the database in {@code options.dataDirectory()}.
   *
   * @throws IllegalArgumentException for an unknown engine option or a bad value, before anything is created
   */
  public static RocksDbEngine open(EngineOptions options) {
    RocksDbTuning tuning = RocksDbTuning.from(options);
    Path directory = Objects.requireNonNull(options.dataDirectory(), "RocksDB keeps its files in a data directory");
    try {
      createDurably(directory.toAbsolutePath());
      return new RocksDbEngine(directory, options.durability(), tuning);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RocksDBException e) {
      throw new IllegalStateException("cannot open RocksDB in " + directory + ": " + e.getMessage(), e);
    }
  }

  /**
   * Creates the directory and any missing parent, syncing each new one's entry in its parent: RocksDB syncs the
   * entries it makes inside the database directory, not the directory's own entry, and a power cut before the file
   * system wrote that entry would lose the whole database, acknowledged writes included.
   */
  private static void createDurably(Path directory) throws IOException {
    if (Files.isDirectory(directory)) {
      return;
    }
    // The path is absolute and the root exists, so a missing directory has a parent.
    Path parent = Objects.requireNonNull(directory.getParent());
    createDurably(parent);
    Files.createDirectory(directory);
    try (FileChannel parentChannel = FileChannel.open(parent, StandardOpenOption.READ)) {
      parentChannel.force(true);
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
   * walks the calling thread's stack on every read.
   */
  @Override
  public byte @Nullable [] getWithoutBlocking(byte[] key) {
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
  private byte @Nullable [] getLargerWithoutBlocking(byte[] key) {
    Holder<byte[]> value = new Holder<>();
    if (!db.keyMayExist(key, value)) {
      return null;
    }
    if (value.getValue() == null) {
      throw new WouldBlockException();
    }
    return value.getValue();
  }

  /** @throws StorageUnavailableException when the database was opened read-only for lack of space */
  @Override
  public long nextVersionstamp() {
    return stampedCommits.next();
  }

  @Override
  public Transaction begin() {
    return new RocksTransaction(db, writable().beginTransaction(writeOptions, transactionOptions), outage, commits,
        stampedCommits);
  }

  /**
   * Deletes the range key by key in bounded batches: OptimisticTransactionDB does not support DeleteRange, since its
   * conflict checking works on single keys.
   */
  @Override
  public void clearRange(KeyRange range) {
    OptimisticTransactionDB target = writable();
    try (Snapshot snapshot = snapshot(); KvCursor cursor = snapshot.scan(range, false)) {
      boolean more = cursor.next();
      while (more) {
        try (WriteBatch batch = new WriteBatch()) {
          for (int i = 0; i < CLEAR_BATCH_KEYS && more; i++) {
            batch.delete(cursor.key());
            more = cursor.next();
          }
          commits.run(() -> target.write(writeOptions, batch));
          outage.succeeded();
        }
      }
    } catch (RocksDBException e) {
      throw outage.failed(e);
    }
  }

  private OptimisticTransactionDB writable() {
    if (writable == null) {
      throw new StorageUnavailableException("the database was opened read-only because its disk was full");
    }
    return writable;
  }

  /**
   * RocksDB's own figures on memory and compaction, read from its properties (each a lookup in memory, no I/O): what
   * the memtables and the block cache hold, and how far compaction lags behind.
   */
  @Override
  public Map<String, Long> statistics() {
    Map<String, Long> figures = new HashMap<>();
    STATISTICS.forEach((name, property) -> {
      try {
        figures.put(name, db.getLongProperty(property));
      } catch (RocksDBException e) {
        // A property this RocksDB does not keep is left out rather than failing the whole scrape.
      }
    });
    return figures;
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of(Capability.DURABLE);
  }

  @Override
  public void close() {
    commits.close();
    db.close();
    close(transactionOptions, writeOptions, options, append, bloomFilter, blockCache);
  }

  private static void close(RocksObject... resources) {
    for (RocksObject resource : resources) {
      resource.close();
    }
  }
}
