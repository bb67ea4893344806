package io.shaledb.diff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * One generated operation: its position in the run, the API operation and the request both servers receive.
 *
 * @param paging how a Query or Scan is followed through its pages and compared
 */
record Step(int index, String operation, ObjectNode request, Paging paging) {

  enum Paging {
    /** One request, one response. */
    NONE,
    /** Every page, compared page by page: a Query's order is defined. */
    IN_ORDER,
    /** Every page, the items compared as a set: a Scan's order is the server's own. */
    ANY_ORDER
  }

  private static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem",
      "TransactWriteItems");

  boolean writes() {
    return WRITES.contains(operation);
  }
}
