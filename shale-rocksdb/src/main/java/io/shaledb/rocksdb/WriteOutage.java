package io.shaledb.rocksdb;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;
import org.rocksdb.RocksDBException;

/**
 * Whether writes are failing for lack of disk space, so that the log says once when they start failing and once
 * when they work again, rather than once per refused write. RocksDB itself stops writing after such an error and
 * resumes once its error handler finds free space again (it checks every few seconds).
 */
final class WriteOutage {
  private static final System.Logger LOG = System.getLogger(RocksDbEngine.class.getName());

  private final AtomicBoolean out = new AtomicBoolean();

  /** The unchecked exception for a failed write, noting an outage when it was for lack of space. */
  RuntimeException failed(RocksDBException e) {
    if (RocksErrors.isOutOfSpace(e) && out.compareAndSet(false, true)) {
      LOG.log(Level.WARNING, "Writes are refused until disk space is freed: {0}", e.getMessage());
    }
    return RocksErrors.unchecked(e);
  }

  /** A write succeeded. */
  void succeeded() {
    if (out.get() && out.compareAndSet(true, false)) {
      LOG.log(Level.INFO, "Disk space is available again: writes are accepted");
    }
  }
}
