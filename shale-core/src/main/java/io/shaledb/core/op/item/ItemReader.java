package io.shaledb.core.op.item;

import io.shaledb.core.op.Database;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.WouldBlockException;
import io.shaledb.core.write.ItemConsensus;
import org.jspecify.annotations.Nullable;

/**
 * Where a read of one item by its whole key (GetItem, a PartiQL SELECT of one item) finds the item's stored form: a
 * strongly consistent read of a table of multi-region strong consistency asks its regions' consensus, so it sees the
 * latest write of any region (docs/global-tables.md, "A strongly consistent read"); every other read this region's
 * storage.
 */
public final class ItemReader {
  private final Database db;
  private final ItemConsensus consensus;

  /** @param consensus how items of tables of multi-region strong consistency are read strongly */
  public ItemReader(Database db, ItemConsensus consensus) {
    this.db = db;
    this.consensus = consensus;
  }

  /** Whether such a read of {@code table} goes through its regions' consensus. */
  public static boolean throughConsensus(TableMetadata table, boolean consistent) {
    return consistent && ItemConsensus.covers(table);
  }

  public byte @Nullable [] read(TableMetadata table, byte[] key, boolean consistent) {
    if (throughConsensus(table, consistent)) {
      return consensus.read(table, key);
    }
    if (consistent) {
      return db.storage().consistentGet(key);
    }
    try (Snapshot snapshot = db.storage().snapshot()) {
      return snapshot.get(key);
    }
  }

  /**
   * The read from what the storage engine holds in memory.
   *
   * @throws WouldBlockException IO when the item is not in memory, ALWAYS for a read through the consensus (it waits
   *     for other regions' answers); nothing was read then
   */
  public byte @Nullable [] readWithoutBlocking(TableMetadata table, byte[] key, boolean consistent) {
    requireNonBlocking(table, consistent);
    return db.storage().getWithoutBlocking(key);
  }

  /**
   * Refuses, before anything else is done, a read that would go through the consensus: a caller on the event loop
   * checks this before the request's capacity, which the worker the request goes to checks anyway.
   *
   * @throws WouldBlockException ALWAYS for a read through the consensus
   */
  public static void requireNonBlocking(TableMetadata table, boolean consistent) {
    if (throughConsensus(table, consistent)) {
      throw new WouldBlockException(WouldBlockException.Reason.ALWAYS);
    }
  }
}
