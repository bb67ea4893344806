package io.shaledb.core.maintenance;

import io.shaledb.core.catalog.SystemKeyspace;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.Transaction;
import io.shaledb.core.storage.WriteConflictException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A lease in the store, so that of the servers sharing it (the nodes of a cluster) one does a piece of background work
 * for all of them: a row naming its holder and when it expires, taken and renewed in a storage transaction, so two
 * servers that race for it conflict and one of them wins. The holder renews it once half its term has passed; another
 * server takes it over once it has expired, a term after the holder last renewed (a holder that stopped or lost the
 * store). Servers compare expiries on their own clocks, so clocks that disagree by more than half a term could let two
 * of them work at once for a while; the work guarded is made of transactions that check what they change, so that
 * would cost duplicated effort, not correctness.
 */
public final class Lease {
  private final StorageEngine storage;
  private final byte[] key;
  private final String holder;
  private final Duration term;
  private final Clock clock;
  /** When the lease this server last took or renewed expires; until half a term before it, no read is needed. */
  private long heldUntil;
  /** The services of one server ask one at a time, so that they do not contend with each other for the row. */
  private final ReentrantLock asking = new ReentrantLock();

  /**
   * @param holder this server's id, unique among the servers sharing the store and new at each start
   * @param term how long the lease lasts from its last renewal
   */
  public Lease(StorageEngine storage, String name, String holder, Duration term, Clock clock) {
    this.storage = storage;
    this.key = SystemKeyspace.lease(name);
    this.holder = holder;
    this.term = term;
    this.clock = clock;
  }

  /** Whether this server holds the lease now: it takes the lease when it is free or expired, and renews its own. */
  public boolean held() {
    asking.lock();
    try {
      return holdsAfterAsking();
    } finally {
      asking.unlock();
    }
  }

  private boolean holdsAfterAsking() {
    long now = clock.millis();
    long renewal = term.toMillis() / 2;
    if (heldUntil - now > renewal) {
      return true;
    }
    try (Transaction tx = storage.begin()) {
      byte[] stored = tx.get(key);
      if (stored != null) {
        ByteBuffer lease = ByteBuffer.wrap(stored);
        long expires = lease.getLong();
        boolean ours = holder.equals(StandardCharsets.UTF_8.decode(lease).toString());
        if (!ours && expires > now) {
          return false;
        }
        if (ours && expires - now > renewal) {
          heldUntil = expires;
          return true;
        }
      }
      long expires = now + term.toMillis();
      byte[] utf8 = holder.getBytes(StandardCharsets.UTF_8);
      tx.put(key, ByteBuffer.allocate(Long.BYTES + utf8.length).putLong(expires).put(utf8).array());
      tx.commit();
      heldUntil = expires;
      return true;
    } catch (WriteConflictException e) {
      return false; // another server took or renewed it meanwhile
    }
  }
}
