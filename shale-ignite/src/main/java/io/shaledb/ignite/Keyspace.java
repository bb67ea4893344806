package io.shaledb.ignite;

import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import org.apache.ignite.Ignite;
import org.apache.ignite.sql.Statement;
import org.apache.ignite.table.KeyValueView;
import org.apache.ignite.table.Table;
import org.apache.ignite.table.mapper.Mapper;
import org.apache.ignite.tx.Transaction;
import org.apache.ignite.tx.TransactionOptions;

/**
 * Where an engine keeps its keys in Ignite: one table of (key, value) byte strings, ordered by a sorted primary-key
 * index (Ignite compares VARBINARY unsigned-lexicographically, the SPI's order, so keys are stored as they are) with a
 * descending index for reverse scans, and one row of the shared stamps table for its versionstamp counter. All of them
 * live in one distribution zone, whose replica and partition counts are the cluster's replication settings.
 *
 * @param name the engine's table, an SQL identifier
 * @param keys the table as byte[] keys to byte[] values
 * @param stamps the engine's versionstamp counter
 * @param calls how long the engine waits for each of its Ignite calls
 */
record Keyspace(Ignite ignite, String name, KeyValueView<byte[], byte[]> keys, StampCounter stamps,
    CallDeadline calls) {
  static final String ZONE = "SHALE";
  static final String STAMPS = "SHALE_STAMPS";
  /** Above an item's 400 KB and any stored record the layer writes; Ignite stores only what a value holds. */
  private static final int MAX_BYTES = 64 << 20;
  private static final System.Logger LOG = System.getLogger(Keyspace.class.getName());
  /** Rows per page a scan fetches: a DynamoDB page (1 MB) of small items, without holding a large range in memory. */
  private static final int PAGE_ROWS = 512;

  /**
   * Creates the zone and tables if they are missing; idempotent, so every node of a cluster may call it. The zone takes
   * a node that joins the cluster as a data node at once ({@code AUTO SCALE UP 0}), so adding a node rebalances
   * replicas onto it; a node that leaves stays a data node (Ignite's default, no scale-down), so a node that is down
   * for a while keeps its replicas and catches up when it restarts instead of the others copying them elsewhere.
   */
  static Keyspace open(Ignite ignite, String name, ZoneSettings zone, CallDeadline calls) {
    if (!name.matches("[A-Z][A-Z0-9_]{0,63}")) {
      throw new IllegalArgumentException("an Ignite table name is upper-case letters, digits and _, got '" + name + "'");
    }
    ignite.sql().executeScript("CREATE ZONE IF NOT EXISTS " + ZONE + " (REPLICAS " + zone.replicas() + ", PARTITIONS "
        + zone.partitions() + ", AUTO SCALE UP 0) STORAGE PROFILES ['default'];"
        + "CREATE TABLE IF NOT EXISTS " + name + " (K VARBINARY(" + MAX_BYTES + "), V VARBINARY(" + MAX_BYTES
        + "), PRIMARY KEY USING SORTED (K)) ZONE " + ZONE + ";"
        + "CREATE INDEX IF NOT EXISTS " + name + "_DESC ON " + name + " USING SORTED (K DESC);"
        + "CREATE TABLE IF NOT EXISTS " + STAMPS + " (NAME VARCHAR(64) PRIMARY KEY, STAMP BIGINT) ZONE " + ZONE + ";");
    Table table = ignite.tables().table(name);
    Table stamps = ignite.tables().table(STAMPS);
    if (table == null || stamps == null) {
      throw new IllegalStateException("Ignite did not create table " + name + " or " + STAMPS);
    }
    return new Keyspace(ignite, name, table.keyValueView(Mapper.of(byte[].class, "K"), Mapper.of(byte[].class, "V")),
        new StampCounter(stamps.keyValueView(Mapper.of(String.class, "NAME"), Mapper.of(Long.class, "STAMP")), name,
            calls), calls);
  }

  /**
   * The keys in {@code range} in key order, ascending or descending, as {@code tx} reads them, fetched a page at a time
   * as the cursor moves.
   */
  KvCursor scan(Transaction tx, KeyRange range, boolean reverse) {
    Statement statement = ignite.sql().statementBuilder().query(scanQuery(reverse)).pageSize(PAGE_ROWS).build();
    return new IgniteCursor(calls.await("a range scan",
        ignite.sql().executeAsync(tx, statement, range.start(), range.end())), calls);
  }

  /** Begins an Ignite transaction with {@code options}, waiting at most for the deadline. */
  Transaction begin(TransactionOptions options) {
    return calls.await("beginning a transaction", ignite.transactions().beginAsync(options));
  }

  /**
   * Rolls {@code tx} back, waiting at most for the deadline: after a failure, or when the transaction has nothing to
   * commit. A rollback that fails or does not complete is logged and left to Ignite: a transaction that lost a lock
   * conflict has already been aborted, and a rollback whose lock request is still queued completes only once the lock
   * is granted, which the request's thread must not wait for (docs/cluster.md, "What is left").
   */
  void rollback(Transaction tx) {
    try {
      calls.await("a rollback", tx.rollbackAsync());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "an Ignite rollback failed", e);
    }
  }

  /** The range scan, each direction through the index of that order. */
  private String scanQuery(boolean reverse) {
    return reverse
        ? "SELECT /*+ FORCE_INDEX(" + name + "_DESC) */ K, V FROM " + name + " WHERE K >= ? AND K < ? ORDER BY K DESC"
        : "SELECT /*+ FORCE_INDEX(" + name + "_PK) */ K, V FROM " + name + " WHERE K >= ? AND K < ? ORDER BY K";
  }
}
