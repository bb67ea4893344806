package io.shaledb.core.op.batch;

import io.shaledb.core.error.DynamoException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A rule BatchGetItem and BatchWriteItem share on their RequestItems. */
final class BatchRequests {
  private BatchRequests() {}

  /**
   * An empty RequestItems is refused before the declared constraints, with a message of its own rather than as a
   * length violation, as DynamoDB refuses it.
   */
  static void requireNotEmpty(@Nullable Map<String, ?> requestItems, String operation) {
    if (requestItems != null && requestItems.isEmpty()) {
      throw DynamoException.validation("The requestItems parameter is required for " + operation);
    }
  }
}
