package io.shaledb.diff;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shaledb.diff.Step.Paging;
import io.shaledb.diff.TableShape.IndexShape;
import io.shaledb.diff.TableShape.KeyAttribute;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Random item operations over the run's tables: every data-plane operation, each with its expression and legacy
 * forms and its options, and now and then a request DynamoDB must refuse (a missing or extra key attribute, an
 * unknown table, an oversized item, an invalid option).
 */
final class OperationGenerator {
  /** The operations and how often each is drawn, out of the sum of the weights. */
  private static final Map<String, Integer> WEIGHTS = Map.of("PutItem", 18, "GetItem", 10, "UpdateItem", 20,
      "DeleteItem", 7, "Query", 12, "Scan", 6, "BatchWriteItem", 6, "BatchGetItem", 5, "TransactWriteItems", 10,
      "TransactGetItems", 4);
  private static final List<String> OPERATIONS = WEIGHTS.keySet().stream().sorted().toList();
  private static final int TOTAL_WEIGHT = WEIGHTS.values().stream().mapToInt(Integer::intValue).sum();
  private static final int ITEM_LIMIT = 400 * 1024;

  private final Random random;
  private final Values values;
  private final List<TableShape> tables;

  OperationGenerator(Random random, List<TableShape> tables) {
    this.random = random;
    this.values = new Values(random);
    this.tables = tables;
  }

  Step next(int index) {
    int roll = random.nextInt(TOTAL_WEIGHT);
    String operation = OPERATIONS.getLast();
    for (String candidate : OPERATIONS) {
      roll -= WEIGHTS.get(candidate);
      if (roll < 0) {
        operation = candidate;
        break;
      }
    }
    TableShape table = TableShape.pick(tables, random);
    Expressions expressions = new Expressions(random, values, table);
    ObjectNode request = switch (operation) {
      case "PutItem" -> putItem(table, expressions);
      case "GetItem" -> getItem(table, expressions);
      case "UpdateItem" -> updateItem(table, expressions);
      case "DeleteItem" -> deleteItem(table, expressions);
      case "Query" -> query(table, expressions);
      case "Scan" -> scan(table, expressions);
      case "BatchWriteItem" -> batchWrite();
      case "BatchGetItem" -> batchGet();
      case "TransactWriteItems" -> transactWrite();
      case "TransactGetItems" -> transactGet();
      default -> throw new IllegalStateException(operation);
    };
    if (random.nextInt(100) == 0 && request.has("TableName")) {
      request.put("TableName", "missing");
    }
    Paging paging = switch (operation) {
      case "Query" -> Paging.IN_ORDER;
      case "Scan" -> Paging.ANY_ORDER;
      default -> Paging.NONE;
    };
    return new Step(index, operation, request, paging);
  }

  private ObjectNode putItem(TableShape table, Expressions expressions) {
    ObjectNode request = Values.JSON.objectNode().put("TableName", table.name());
    request.set("Item", item(table));
    writeOptions(request, expressions, List.of("NONE", "ALL_OLD"));
    return request;
  }

  private ObjectNode getItem(TableShape table, Expressions expressions) {
    ObjectNode request = Values.JSON.objectNode().put("TableName", table.name());
    request.set("Key", key(table));
    if (random.nextBoolean()) {
      request.put("ConsistentRead", random.nextBoolean());
    }
    projection(request, expressions);
    return request;
  }

  private ObjectNode updateItem(TableShape table, Expressions expressions) {
    ObjectNode request = Values.JSON.objectNode().put("TableName", table.name());
    request.set("Key", key(table));
    Placeholders placeholders = new Placeholders(random);
    LegacyParameters legacy = new LegacyParameters(random, values, expressions);
    if (random.nextInt(8) == 0) {
      legacy.attributeUpdates(request);
      if (random.nextInt(3) == 0) {
        legacy.conditions(request, "Expected", true);
      }
    } else {
      if (random.nextInt(30) != 0) {
        request.put("UpdateExpression", expressions.update(placeholders));
      }
      conditionOrExpected(request, expressions, placeholders);
    }
    mixSometimes(request, legacy);
    placeholders.addTo(request);
    returnValues(request, List.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"));
    return request;
  }

  private ObjectNode deleteItem(TableShape table, Expressions expressions) {
    ObjectNode request = Values.JSON.objectNode().put("TableName", table.name());
    request.set("Key", key(table));
    writeOptions(request, expressions, List.of("NONE", "ALL_OLD"));
    return request;
  }

  private void writeOptions(ObjectNode request, Expressions expressions, List<String> returns) {
    Placeholders placeholders = new Placeholders(random);
    conditionOrExpected(request, expressions, placeholders);
    mixSometimes(request, new LegacyParameters(random, values, expressions));
    placeholders.addTo(request);
    returnValues(request, returns);
  }

  /** A ConditionExpression, or Expected, or neither. */
  private void conditionOrExpected(ObjectNode request, Expressions expressions, Placeholders placeholders) {
    int roll = random.nextInt(20);
    if (roll < 9) {
      request.put("ConditionExpression", expressions.condition(placeholders, 0));
      if (random.nextInt(4) == 0) {
        request.put("ReturnValuesOnConditionCheckFailure", random.nextInt(10) == 0 ? "ALL_NEW" : "ALL_OLD");
      }
    } else if (roll >= 17) {
      new LegacyParameters(random, values, expressions).conditions(request, "Expected", true);
    }
  }

  /** Once in forty requests, a legacy parameter beside the expressions, which DynamoDB refuses. */
  private void mixSometimes(ObjectNode request, LegacyParameters legacy) {
    if (random.nextInt(40) == 0) {
      legacy.attributesToGet(request);
    }
  }

  private void returnValues(ObjectNode request, List<String> allowed) {
    int roll = random.nextInt(40);
    if (roll < 20) {
      request.put("ReturnValues", TableShape.pick(allowed, random));
    } else if (roll == 20) {
      request.put("ReturnValues", TableShape.pick(List.of("ALL_NEW", "UPDATED_OLD", "all_old", "ALL"), random));
    }
  }

  private void projection(ObjectNode request, Expressions expressions) {
    int roll = random.nextInt(10);
    if (roll < 4) {
      Placeholders placeholders = new Placeholders(random);
      request.put("ProjectionExpression", expressions.projection(placeholders));
      placeholders.addTo(request);
    } else if (roll == 4) {
      new LegacyParameters(random, values, expressions).attributesToGet(request);
    }
  }

  private ObjectNode query(TableShape table, Expressions expressions) {
    ObjectNode request = Values.JSON.objectNode().put("TableName", table.name());
    KeyAttribute hash = table.hash();
    Optional<KeyAttribute> range = table.range();
    if (!table.indexes().isEmpty() && random.nextInt(3) == 0) {
      IndexShape index = TableShape.pick(table.indexes(), random);
      request.put("IndexName", index.name());
      hash = index.hash();
      range = index.range();
    }
    Placeholders placeholders = new Placeholders(random);
    LegacyParameters legacy = new LegacyParameters(random, values, expressions);
    boolean legacyForm = random.nextInt(6) == 0;
    if (legacyForm) {
      legacy.keyConditions(request, hash, range);
    } else {
      request.put("KeyConditionExpression", expressions.keyCondition(placeholders, hash, range));
    }
    readOptions(request, expressions, placeholders, legacy, "QueryFilter", legacyForm);
    if (random.nextInt(4) == 0) {
      request.put("ScanIndexForward", false);
    }
    return request;
  }

  private ObjectNode scan(TableShape table, Expressions expressions) {
    ObjectNode request = Values.JSON.objectNode().put("TableName", table.name());
    if (!table.indexes().isEmpty() && random.nextInt(4) == 0) {
      request.put("IndexName", TableShape.pick(table.indexes(), random).name());
    }
    Placeholders placeholders = new Placeholders(random);
    readOptions(request, expressions, placeholders, new LegacyParameters(random, values, expressions),
        "ScanFilter", random.nextInt(6) == 0);
    return request;
  }

  /** Filter and projection, all in the legacy form or all as expressions (once in forty, mixed). */
  private void readOptions(ObjectNode request, Expressions expressions, Placeholders placeholders,
      LegacyParameters legacy, String legacyFilter, boolean legacyForm) {
    if (random.nextInt(10) < 4) {
      if (legacyForm) {
        legacy.conditions(request, legacyFilter, false);
      } else {
        request.put("FilterExpression", expressions.condition(placeholders, 0));
      }
    }
    if (random.nextInt(10) < 3) {
      if (legacyForm) {
        legacy.attributesToGet(request);
      } else {
        request.put("ProjectionExpression", expressions.projection(placeholders));
      }
    }
    mixSometimes(request, legacy);
    placeholders.addTo(request);
    if (random.nextInt(3) == 0) {
      request.put("Limit", random.nextInt(20) == 0 ? 0 : 1 + random.nextInt(4));
    }
    select(request);
    if (random.nextInt(6) == 0) {
      request.put("ConsistentRead", true);
    }
  }

  /** A Select that fits the request's projection and index mostly, and once in ten draws any value. */
  private void select(ObjectNode request) {
    boolean projected = request.has("ProjectionExpression") || request.has("AttributesToGet");
    if (random.nextInt(10) == 0) {
      request.put("Select", TableShape.pick(List.of("ALL_ATTRIBUTES", "COUNT", "SPECIFIC_ATTRIBUTES",
          "ALL_PROJECTED_ATTRIBUTES"), random));
    } else if (random.nextInt(3) == 0) {
      request.put("Select", projected ? "SPECIFIC_ATTRIBUTES"
          : request.has("IndexName") && random.nextBoolean() ? "ALL_PROJECTED_ATTRIBUTES"
          : random.nextBoolean() ? "COUNT" : "ALL_ATTRIBUTES");
    }
  }

  private ObjectNode batchWrite() {
    ObjectNode request = Values.JSON.objectNode();
    ObjectNode items = request.putObject("RequestItems");
    for (int tablesUsed = random.nextInt(5) == 0 ? 2 : 1; tablesUsed > 0; tablesUsed--) {
      TableShape table = TableShape.pick(tables, random);
      ArrayNode writes = items.has(table.name()) ? (ArrayNode) items.get(table.name()) : items.putArray(table.name());
      for (int i = 1 + random.nextInt(4); i > 0; i--) {
        if (random.nextInt(3) == 0) {
          writes.addObject().putObject("DeleteRequest").set("Key", key(table));
        } else {
          writes.addObject().putObject("PutRequest").set("Item", item(table));
        }
      }
    }
    return request;
  }

  private ObjectNode batchGet() {
    ObjectNode request = Values.JSON.objectNode();
    ObjectNode items = request.putObject("RequestItems");
    TableShape table = TableShape.pick(tables, random);
    ObjectNode read = items.putObject(table.name());
    ArrayNode keys = read.putArray("Keys");
    for (int i = 1 + random.nextInt(4); i > 0; i--) {
      keys.add(key(table));
    }
    if (random.nextBoolean()) {
      read.put("ConsistentRead", true);
    }
    projection(read, new Expressions(random, values, table));
    return request;
  }

  private ObjectNode transactWrite() {
    ObjectNode request = Values.JSON.objectNode();
    ArrayNode actions = request.putArray("TransactItems");
    for (int i = 1 + random.nextInt(3); i > 0; i--) {
      TableShape table = TableShape.pick(tables, random);
      Expressions expressions = new Expressions(random, values, table);
      Placeholders placeholders = new Placeholders(random);
      int kind = random.nextInt(4);
      ObjectNode action = actions.addObject().putObject(List.of("Put", "Update", "Delete", "ConditionCheck")
          .get(kind)).put("TableName", table.name());
      if (kind == 0) {
        action.set("Item", item(table));
      } else {
        action.set("Key", key(table));
      }
      if (kind == 1) {
        action.put("UpdateExpression", expressions.update(placeholders));
      }
      if (kind == 3 || random.nextBoolean()) {
        action.put("ConditionExpression", expressions.condition(placeholders, 0));
      }
      if (random.nextInt(5) == 0) {
        action.put("ReturnValuesOnConditionCheckFailure", "ALL_OLD");
      }
      placeholders.addTo(action);
    }
    return request;
  }

  private ObjectNode transactGet() {
    ObjectNode request = Values.JSON.objectNode();
    ArrayNode gets = request.putArray("TransactItems");
    for (int i = 1 + random.nextInt(3); i > 0; i--) {
      TableShape table = TableShape.pick(tables, random);
      ObjectNode get = gets.addObject().putObject("Get").put("TableName", table.name());
      get.set("Key", key(table));
      if (random.nextInt(3) == 0) {
        Placeholders placeholders = new Placeholders(random);
        get.put("ProjectionExpression", new Expressions(random, values, table).projection(placeholders));
        placeholders.addTo(get);
      }
    }
    return request;
  }

  /** A table key; now and then without its range attribute, with an extra one, or with a wrong value. */
  ObjectNode key(TableShape table) {
    ObjectNode key = Values.JSON.objectNode();
    for (KeyAttribute attribute : table.tableKey()) {
      key.set(attribute.name(), values.keyOrInvalid(attribute.type()));
    }
    int roll = random.nextInt(100);
    if (roll == 0) {
      key.remove(table.tableKey().getLast().name());
    } else if (roll == 1) {
      key.set("a", values.value(0));
    }
    return key;
  }

  private ObjectNode item(TableShape table) {
    ObjectNode item = key(table);
    table.keyAttributes().values().stream().filter(k -> !item.has(k.name()) && random.nextInt(10) < 7)
        .forEach(k -> item.set(k.name(), values.keyOrInvalid(k.type())));
    for (int i = random.nextInt(6); i > 0; i--) {
      item.set(TableShape.pick(Expressions.ATTRIBUTES, random), values.value(0));
    }
    if (random.nextInt(300) == 0) {
      // Around DynamoDB's 400 KB item limit, so that both servers' item size arithmetic is compared at the edge.
      item.set("big", Values.s("x".repeat(ITEM_LIMIT - 150 + random.nextInt(300))));
    }
    return item;
  }
}
