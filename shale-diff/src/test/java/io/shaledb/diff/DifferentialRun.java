package io.shaledb.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs the same random operations against two servers and reports every difference. Both start empty and get the
 * same tables; after a write whose outcomes differed, and after every {@code stateCheckInterval} steps, the tables'
 * full contents are compared and the first server's copied from the second's (the reference), so one difference
 * does not turn every later step into one.
 */
final class DifferentialRun {
  /** An UpdateExpression with a DELETE clause alone (clause keywords are reserved words, so never bare names). */
  private static final Pattern ONLY_DELETE = Pattern.compile("(?i)\\s*DELETE\\b(?!.*\\b(SET|REMOVE|ADD)\\b).*");
  private final Endpoint subject;
  private final Endpoint reference;
  private final long seed;
  private final int operations;
  private final int stateCheckInterval;
  private final Duration budget;

  DifferentialRun(Endpoint subject, Endpoint reference, long seed, int operations, int stateCheckInterval,
      Duration budget) {
    this.subject = subject;
    this.reference = reference;
    this.seed = seed;
    this.operations = operations;
    this.stateCheckInterval = stateCheckInterval;
    this.budget = budget;
  }

  Report run() throws IOException, InterruptedException {
    Random random = new Random(seed);
    List<TableShape> tables = List.of(TableShape.random("hashOnly", false, random), TableShape.random("ranged1", true, random),
        TableShape.random("ranged2", true, random));
    for (TableShape table : tables) {
      for (Endpoint endpoint : List.of(subject, reference)) {
        Outcome created = endpoint.call("CreateTable", table.createTableRequest());
        if (created.failed()) {
          throw new IllegalStateException(endpoint.name() + " refused " + table.createTableRequest() + ": "
              + created);
        }
      }
    }
    Report report = new Report(seed);
    OperationGenerator generator = new OperationGenerator(random, tables);
    long deadline = System.nanoTime() + budget.toNanos();
    int step = 0;
    for (; step < operations && System.nanoTime() < deadline; step++) {
      Step next = generator.next(step);
      if (compare(next, report) && next.writes()) {
        for (TableShape table : tablesIn(next, tables)) {
          synchronize(table, step, null);
        }
      } else if (onlyDeletes(next)) {
        // Answered alike, such an update may still create the item on one server only: compared at once, so that
        // the difference is reported with its cause rather than met by later reads.
        for (TableShape table : tablesIn(next, tables)) {
          synchronize(table, step, report);
        }
      }
      if ((step + 1) % stateCheckInterval == 0) {
        for (TableShape table : tables) {
          synchronize(table, step, report);
        }
      }
    }
    for (TableShape table : tables) {
      synchronize(table, step, report);
    }
    report.stepsRun(step);
    return report;
  }

  /** Runs the step on both servers; true when they answered differently. */
  private boolean compare(Step step, Report report) throws IOException, InterruptedException {
    Outcome mine = Pager.run(subject, step);
    Outcome theirs = Pager.run(reference, step);
    boolean anyOrder = step.paging() == Step.Paging.ANY_ORDER;
    Outcome mineByValue = new Outcome(mine.status(), Normalizer.response(mine.body(), true, anyOrder));
    Outcome theirsByValue = new Outcome(theirs.status(), Normalizer.response(theirs.body(), true, anyOrder));
    if (mine.status() != theirs.status() || !mineByValue.body().equals(theirsByValue.body())) {
      report.differed(new Difference(seed, step.index(), Difference.Kind.RESPONSE, step.operation(),
          step.request(), mineByValue, theirsByValue));
      return true;
    }
    Outcome mineAsWritten = new Outcome(mine.status(), Normalizer.response(mine.body(), false, anyOrder));
    Outcome theirsAsWritten = new Outcome(theirs.status(), Normalizer.response(theirs.body(), false, anyOrder));
    if (!mineAsWritten.body().equals(theirsAsWritten.body())) {
      report.differed(new Difference(seed, step.index(), Difference.Kind.NUMBER_TEXT, step.operation(),
          step.request(), mineAsWritten, theirsAsWritten));
    } else {
      report.agreed(step.operation(), mine);
    }
    return false;
  }

  /**
   * Makes the subject's table hold what the reference's holds; reports the items that differed when given a report
   * (a periodic check), and only repairs without one (after a difference already reported).
   */
  private void synchronize(TableShape table, int step, Report report) throws IOException, InterruptedException {
    ObjectNode scan = Values.JSON.objectNode().put("TableName", table.name()).put("ConsistentRead", true);
    Step fullScan = new Step(step, "Scan", scan, Step.Paging.ANY_ORDER);
    Map<String, JsonNode> mine = itemsByKey(table, Pager.run(subject, fullScan));
    Map<String, JsonNode> theirs = itemsByKey(table, Pager.run(reference, fullScan));
    ArrayNode onlyMine = Values.JSON.arrayNode();
    ArrayNode onlyTheirs = Values.JSON.arrayNode();
    for (Map.Entry<String, JsonNode> item : theirs.entrySet()) {
      JsonNode same = mine.get(item.getKey());
      if (same == null || !Normalizer.response(same, true, false)
          .equals(Normalizer.response(item.getValue(), true, false))) {
        if (same != null) {
          onlyMine.add(same);
        }
        onlyTheirs.add(item.getValue());
        Outcome copied = subject.call("PutItem", Values.JSON.objectNode().put("TableName", table.name())
            .set("Item", item.getValue()));
        if (copied.failed()) {
          // The reference holds an item the subject refuses (DynamoDB Local stores index keys of the wrong type):
          // removing it from both keeps one difference from being reported again at every later comparison.
          for (Endpoint endpoint : List.of(subject, reference)) {
            endpoint.call("DeleteItem", Values.JSON.objectNode().put("TableName", table.name())
                .set("Key", key(table, item.getValue())));
          }
        }
      }
    }
    for (Map.Entry<String, JsonNode> item : mine.entrySet()) {
      if (!theirs.containsKey(item.getKey())) {
        onlyMine.add(item.getValue());
        subject.call("DeleteItem", Values.JSON.objectNode().put("TableName", table.name())
            .set("Key", key(table, item.getValue())));
      }
    }
    if (report != null && (!onlyMine.isEmpty() || !onlyTheirs.isEmpty())) {
      report.differed(new Difference(seed, step, Difference.Kind.STATE, "Scan(" + table.name() + ")", scan,
          new Outcome(200, Values.JSON.objectNode().set("Items", onlyMine)),
          new Outcome(200, Values.JSON.objectNode().set("Items", onlyTheirs))));
    }
  }

  private static ObjectNode key(TableShape table, JsonNode item) {
    ObjectNode key = Values.JSON.objectNode();
    table.tableKey().forEach(k -> key.set(k.name(), item.get(k.name())));
    return key;
  }

  private static Map<String, JsonNode> itemsByKey(TableShape table, Outcome scan) {
    if (scan.failed()) {
      throw new IllegalStateException("a full Scan of " + table.name() + " failed: " + scan);
    }
    Map<String, JsonNode> items = new LinkedHashMap<>();
    for (JsonNode item : scan.body().path("Items")) {
      items.put(Normalizer.response(key(table, item), true, false).toString(), item);
    }
    return items;
  }

  /** An UpdateItem whose only actions are DELETEs of set elements, by UpdateExpression or AttributeUpdates. */
  private static boolean onlyDeletes(Step step) {
    if (!step.operation().equals("UpdateItem")) {
      return false;
    }
    JsonNode request = step.request();
    String expression = request.path("UpdateExpression").asText("");
    if (!expression.isEmpty()) {
      return ONLY_DELETE.matcher(expression).matches();
    }
    JsonNode updates = request.path("AttributeUpdates");
    boolean deletes = !updates.isEmpty();
    for (JsonNode update : updates) {
      deletes &= update.path("Action").asText().equals("DELETE");
    }
    return deletes;
  }

  /** The tables a write names, whether it is a single-item write, a batch or a transaction. */
  private static Set<TableShape> tablesIn(Step step, List<TableShape> tables) {
    Set<String> names = new LinkedHashSet<>();
    step.request().path("RequestItems").fieldNames().forEachRemaining(names::add);
    names.add(step.request().path("TableName").asText());
    step.request().path("TransactItems").forEach(action -> action.forEach(a -> names.add(a.path("TableName")
        .asText())));
    Set<TableShape> named = new LinkedHashSet<>();
    tables.stream().filter(t -> names.contains(t.name())).forEach(named::add);
    return named;
  }
}
