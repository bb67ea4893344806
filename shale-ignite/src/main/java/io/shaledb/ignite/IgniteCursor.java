package io.shaledb.ignite;

import io.shaledb.core.storage.KvCursor;
import org.apache.ignite.sql.ResultSet;
import org.apache.ignite.sql.SqlRow;
import org.jspecify.annotations.Nullable;

/** A range scan's rows, fetched from the cluster a page at a time as the cursor moves. */
final class IgniteCursor implements KvCursor {
  private final ResultSet<SqlRow> rows;
  private @Nullable SqlRow row;

  IgniteCursor(ResultSet<SqlRow> rows) {
    this.rows = rows;
  }

  @Override
  public boolean next() {
    try {
      row = rows.hasNext() ? rows.next() : null;
    } catch (RuntimeException e) {
      // A later page of a locking scan can lose a lock conflict, and a replica can become unreachable.
      throw IgniteErrors.readFailure(e);
    }
    return row != null;
  }

  @Override
  public byte[] key() {
    return current().bytesValue(0);
  }

  @Override
  public byte[] value() {
    return current().bytesValue(1);
  }

  private SqlRow current() {
    if (row == null) {
      throw new IllegalStateException("the cursor is not on a row");
    }
    return row;
  }

  @Override
  public void close() {
    rows.close();
  }
}
