package io.shaledb.core.backup;

import io.shaledb.core.model.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * The items of a table as of one instant, in key order, readable in batches from any key: what a restore copies
 * from. Each call may read a fresh view of storage, so the items it returns must not depend on when it is called
 * (a backup's items never change; a point in time's items are fixed once the instant has passed).
 */
public interface RestoreSource {

  /** One item and its key in the table's key encoding, without the four bytes of the keyspace id. */
  record SourceItem(byte[] key, Map<String, AttributeValue> item) {}

  /**
   * The items whose key (without the keyspace id) is at or after {@code from}, in key order: at most {@code limit},
   * and no more once their DynamoDB sizes reach {@code maxBytes}; none only when no more follow.
   */
  List<SourceItem> read(byte[] from, int limit, long maxBytes);
}
