package io.shaledb.diff;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;

/**
 * The pre-expression parameters: Expected, AttributeUpdates, KeyConditions, QueryFilter/ScanFilter and
 * AttributesToGet, with operand counts and types that are sometimes wrong for the operator.
 */
final class LegacyParameters {
  private static final List<String> OPERATORS = List.of("EQ", "NE", "LE", "LT", "GE", "GT", "NOT_NULL", "NULL",
      "CONTAINS", "NOT_CONTAINS", "BEGINS_WITH", "IN", "BETWEEN");

  private final Random random;
  private final Values values;
  private final Expressions expressions;

  LegacyParameters(Random random, Values values, Expressions expressions) {
    this.random = random;
    this.values = values;
    this.expressions = expressions;
  }

  /** Expected (or a Query/ScanFilter, which have the same form without Exists and Value). */
  void conditions(ObjectNode request, String member, boolean withExists) {
    ObjectNode conditions = request.putObject(member);
    int count = 1 + random.nextInt(2);
    for (int i = 0; i < count; i++) {
      ObjectNode condition = conditions.putObject(expressions.attribute());
      if (withExists && random.nextInt(3) == 0) {
        boolean exists = random.nextBoolean();
        condition.put("Exists", exists);
        if (exists || random.nextInt(10) == 0) {
          condition.set("Value", expressions.operand());
        }
        continue;
      }
      String operator = TableShape.pick(OPERATORS, random);
      condition.put("ComparisonOperator", operator);
      int operands = switch (operator) {
        case "NOT_NULL", "NULL" -> 0;
        case "BETWEEN" -> 2;
        case "IN" -> 1 + random.nextInt(3);
        default -> 1;
      };
      if (random.nextInt(15) == 0) {
        operands = random.nextInt(3);
      }
      if (operands > 0 || random.nextInt(5) == 0) {
        ArrayNode list = condition.putArray("AttributeValueList");
        for (int j = 0; j < operands; j++) {
          list.add(expressions.operand());
        }
      }
    }
    if (conditions.size() > 1 || random.nextInt(20) == 0) {
      request.put("ConditionalOperator", random.nextBoolean() ? "AND" : "OR");
    }
  }

  void attributeUpdates(ObjectNode request) {
    ObjectNode updates = request.putObject("AttributeUpdates");
    for (int i = 1 + random.nextInt(3); i > 0; i--) {
      String action = TableShape.pick(List.of("PUT", "PUT", "ADD", "DELETE"), random);
      ObjectNode update = updates.putObject(random.nextInt(20) == 0 ? "pk" : expressions.attribute());
      update.put("Action", action);
      if (!action.equals("DELETE") || random.nextBoolean()) {
        update.set("Value", switch (action) {
          case "ADD" -> random.nextBoolean() ? Values.n(values.validNumber()) : values.value(1);
          case "DELETE" -> values.value(TableShape.pick(List.of("SS", "NS", "BS", "S"), random), 1);
          default -> values.value(0);
        });
      }
    }
  }

  void keyConditions(ObjectNode request, TableShape.KeyAttribute hash,
      java.util.Optional<TableShape.KeyAttribute> range) {
    ObjectNode conditions = request.putObject("KeyConditions");
    ObjectNode hashCondition = conditions.putObject(hash.name()).put("ComparisonOperator",
        random.nextInt(20) == 0 ? "GT" : "EQ");
    hashCondition.putArray("AttributeValueList").add(values.keyOrInvalid(hash.type()));
    if (range.isPresent() && random.nextBoolean()) {
      String operator = TableShape.pick(List.of("EQ", "LT", "LE", "GT", "GE", "BEGINS_WITH", "BETWEEN", "NE"),
          random);
      ObjectNode rangeCondition = conditions.putObject(range.get().name()).put("ComparisonOperator", operator);
      ArrayNode list = rangeCondition.putArray("AttributeValueList");
      for (int i = operator.equals("BETWEEN") ? 2 : 1; i > 0; i--) {
        list.add(values.key(range.get().type()));
      }
    }
  }

  void attributesToGet(ObjectNode request) {
    ArrayNode names = request.putArray("AttributesToGet");
    for (int i = 1 + random.nextInt(3); i > 0; i--) {
      names.add(expressions.attribute());
    }
  }
}
