package io.shaledb.rocksdb;

import io.shaledb.core.storage.EngineOptions;
import java.util.Set;

/**
 * The RocksDB engine's settings, from the engine options ({@code --engine-option name=value}).
 *
 * @param blockCacheBytes {@code block-cache}: the cache of uncompressed table-file blocks (data, index and filter
 *     blocks), which decides how much of a large table reads find in memory
 * @param writeBufferBytes {@code write-buffer}: the memtable size, after which it is written out as a table file;
 *     larger means fewer, larger files and less compaction, but a longer log to replay after a crash
 * @param backgroundJobs {@code background-jobs}: threads for flushes and compactions
 */
record RocksDbTuning(long blockCacheBytes, long writeBufferBytes, int backgroundJobs) {
  static final String BLOCK_CACHE = "block-cache";
  static final String WRITE_BUFFER = "write-buffer";
  static final String BACKGROUND_JOBS = "background-jobs";

  /** @throws IllegalArgumentException naming an unknown setting or a bad value */
  static RocksDbTuning from(EngineOptions options) {
    options.requireKnownTuning("rocksdb", Set.of(BLOCK_CACHE, WRITE_BUFFER, BACKGROUND_JOBS));
    return new RocksDbTuning(
        options.bytes(BLOCK_CACHE, 64L << 20),
        options.bytes(WRITE_BUFFER, 32L << 20),
        options.count(BACKGROUND_JOBS, 256, 2));
  }
}
