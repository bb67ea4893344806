package io.shaledb.core.write;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.ItemSize;
import java.util.Map;

/** The size limits of written items, checked in one place. */
public final class ItemLimits {
  /** DynamoDB's limit on the aggregate size of a transaction's items. */
  public static final long MAX_TRANSACTION_BYTES = 4L * 1024 * 1024;

  private ItemLimits() {}

  /**
   * Rejects an item over 400 KB, and returns its size. Writes call it on the item a request supplies, before anything
   * else that DynamoDB checks later, and the pipeline on every item a change produces.
   */
  public static long checkSize(Map<String, AttributeValue> item) {
    long size = ItemSize.of(item);
    if (size > ItemSize.MAX_ITEM_BYTES) {
      throw DynamoException.validation("Item size has exceeded the maximum allowed size");
    }
    return size;
  }

  public static void checkTransactionSize(long aggregateBytes) {
    if (aggregateBytes > MAX_TRANSACTION_BYTES) {
      throw DynamoException.validation("Transaction request cannot be larger than 4 MB");
    }
  }
}
