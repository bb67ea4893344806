package io.shaledb.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Runs a step on one server, following a Query or Scan through all its pages with that server's own
 * LastEvaluatedKey, and returns one outcome to compare: a Query's pages in order, a Scan's items all together with
 * the counts summed (each server scans in its own order, so pages cannot match; {@link Normalizer} sorts the items).
 */
final class Pager {
  /** Tables hold at most a few hundred items; a server that keeps answering a LastEvaluatedKey is stopped here. */
  private static final int MAX_PAGES = 500;

  private Pager() {}

  static Outcome run(Endpoint endpoint, Step step) throws IOException, InterruptedException {
    if (step.paging() == Step.Paging.NONE) {
      return endpoint.call(step.operation(), step.request());
    }
    ArrayNode pages = Values.JSON.arrayNode();
    ObjectNode request = step.request().deepCopy();
    for (int page = 0; page < MAX_PAGES; page++) {
      Outcome outcome = endpoint.call(step.operation(), request);
      if (outcome.failed()) {
        return outcome;
      }
      pages.add(outcome.body());
      JsonNode last = outcome.body().get("LastEvaluatedKey");
      if (last == null) {
        return new Outcome(200, step.paging() == Step.Paging.IN_ORDER
            ? Values.JSON.objectNode().set("Pages", pages) : merged(pages));
      }
      request.set("ExclusiveStartKey", last);
    }
    throw new IllegalStateException(endpoint.name() + " still answered a LastEvaluatedKey after " + MAX_PAGES
        + " pages of " + step);
  }

  private static ObjectNode merged(ArrayNode pages) {
    ArrayNode items = Values.JSON.arrayNode();
    long count = 0;
    long scanned = 0;
    boolean anyItems = false;
    for (JsonNode page : pages) {
      if (page.has("Items")) {
        anyItems = true;
        page.get("Items").forEach(items::add);
      }
      count += page.path("Count").asLong();
      scanned += page.path("ScannedCount").asLong();
    }
    ObjectNode merged = Values.JSON.objectNode().put("Count", count).put("ScannedCount", scanned);
    if (anyItems) {
      merged.set("Items", items);
    }
    return merged;
  }
}
