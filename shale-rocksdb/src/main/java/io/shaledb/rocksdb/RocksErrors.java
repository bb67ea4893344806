package io.shaledb.rocksdb;

import io.shaledb.core.storage.StorageUnavailableException;
import io.shaledb.core.storage.WriteConflictException;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

/** Turns RocksDB's checked exceptions into the SPI's unchecked ones. */
final class RocksErrors {
  private RocksErrors() {}

  static RuntimeException unchecked(RocksDBException e) {
    Status status = e.getStatus();
    if (status != null && (status.getCode() == Status.Code.Busy || status.getCode() == Status.Code.TryAgain)) {
      return new WriteConflictException(e.getMessage());
    }
    if (isOutOfSpace(e)) {
      return new StorageUnavailableException("RocksDB cannot write: " + e.getMessage());
    }
    return new IllegalStateException("RocksDB failed: " + e.getMessage(), e);
  }

  /** A write failed for lack of disk space. */
  static boolean isOutOfSpace(RocksDBException e) {
    Status status = e.getStatus();
    return status != null && status.getSubCode() == Status.SubCode.NoSpace;
  }
}
