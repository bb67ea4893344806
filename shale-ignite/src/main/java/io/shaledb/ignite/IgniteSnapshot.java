package io.shaledb.ignite;

import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import org.apache.ignite.sql.Statement;
import org.apache.ignite.tx.Transaction;
import org.apache.ignite.tx.TransactionOptions;
import org.jspecify.annotations.Nullable;

/**
 * An Ignite read-only transaction: it reads every partition at the one timestamp Ignite chose when it began, from the
 * nearest replica and without locks. Ignite keeps the versions such a read needs for its low-watermark interval (ten
 * minutes by default); a snapshot held longer fails its reads.
 */
final class IgniteSnapshot implements Snapshot {
  /** Rows per page a scan fetches: a DynamoDB page (1 MB) of small items, without holding a large range in memory. */
  private static final int PAGE_ROWS = 512;

  private final Keyspace keyspace;
  private final Transaction readOnly;

  IgniteSnapshot(Keyspace keyspace) {
    this.keyspace = keyspace;
    this.readOnly = keyspace.ignite().transactions().begin(new TransactionOptions().readOnly(true));
  }

  @Override
  public byte @Nullable [] get(byte[] key) {
    return keyspace.keys().get(readOnly, key);
  }

  @Override
  public KvCursor scan(KeyRange range, boolean reverse) {
    Statement statement = keyspace.ignite().sql().statementBuilder()
        .query(keyspace.scanQuery(reverse))
        .pageSize(PAGE_ROWS)
        .build();
    return new IgniteCursor(keyspace.ignite().sql().execute(readOnly, statement, range.start(), range.end()));
  }

  @Override
  public void close() {
    readOnly.commit();
  }
}
