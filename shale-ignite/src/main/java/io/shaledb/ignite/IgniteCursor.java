package io.shaledb.ignite;

import io.shaledb.core.storage.KvCursor;
import java.util.Iterator;
import org.apache.ignite.sql.SqlRow;
import org.apache.ignite.sql.async.AsyncResultSet;
import org.jspecify.annotations.Nullable;

/**
 * A range scan's rows, fetched from the cluster a page at a time as the cursor moves, each page within the call
 * deadline.
 */
final class IgniteCursor implements KvCursor {
  private final CallDeadline calls;
  private AsyncResultSet<SqlRow> page;
  private Iterator<SqlRow> rows;
  private @Nullable SqlRow row;

  IgniteCursor(AsyncResultSet<SqlRow> firstPage, CallDeadline calls) {
    this.calls = calls;
    this.page = firstPage;
    this.rows = firstPage.currentPage().iterator();
  }

  @Override
  public boolean next() {
    try {
      while (!rows.hasNext() && page.hasMorePages()) {
        page = calls.await("a range scan's next page", page.fetchNextPage());
        rows = page.currentPage().iterator();
      }
    } catch (RuntimeException e) {
      // A later page of a locking scan can lose a lock conflict, and a replica can become unreachable.
      throw IgniteErrors.readFailure(e);
    }
    row = rows.hasNext() ? rows.next() : null;
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
    calls.await("closing a range scan", page.closeAsync());
  }
}
