package io.shaledb.diff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shaledb.diff.TableShape.KeyAttribute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Random condition, update, projection and key condition expressions over a table's attributes, nested paths and
 * list indexes included, with operands of random types: most are well-formed, some are not (the same path on both
 * sides, wrong operand types, a key attribute updated), since what DynamoDB refuses matters as much as what it does.
 */
final class Expressions {
  /** Non-key attributes items carry; "m" tends to be a map, "l" a list, but any may hold any type. */
  static final List<String> ATTRIBUTES = List.of("a", "b", "n", "s", "l", "m", "ss", "ns", "status");
  private static final List<String> COMPARATORS = List.of("=", "<>", "<", "<=", ">", ">=");
  private static final List<String> TYPE_NAMES = List.of("S", "N", "B", "BOOL", "NULL", "L", "M", "SS", "NS", "BS");

  private final Random random;
  private final Values values;
  private final TableShape table;

  Expressions(Random random, Values values, TableShape table) {
    this.random = random;
    this.values = values;
    this.table = table;
  }

  /** An attribute name: mostly a non-key one, sometimes a key of the table or an index. */
  String attribute() {
    if (random.nextInt(8) == 0) {
      return TableShape.pick(List.copyOf(table.keyAttributes().keySet()), random);
    }
    return TableShape.pick(ATTRIBUTES, random);
  }

  String path(Placeholders names) {
    StringBuilder path = new StringBuilder(names.name(attribute()));
    for (int depth = random.nextInt(4) != 0 ? 0 : 1 + random.nextInt(2); depth > 0; depth--) {
      if (random.nextBoolean()) {
        path.append('[').append(random.nextInt(3)).append(']');
      } else {
        path.append('.').append(names.name(TableShape.pick(Values.NESTED_NAMES, random)));
      }
    }
    return path.toString();
  }

  String condition(Placeholders p, int depth) {
    int roll = random.nextInt(depth > 1 ? 10 : 13);
    return switch (roll) {
      case 0, 1, 2 -> random.nextInt(10) == 0
          ? path(p) + " " + comparator() + " " + path(p)
          : path(p) + " " + comparator() + " " + p.value(operand());
      case 3 -> {
        ObjectNode low = operand();
        ObjectNode high = random.nextInt(5) == 0 ? operand() : values.value(low.fieldNames().next(), 1);
        yield path(p) + " BETWEEN " + p.value(low) + " AND " + p.value(high);
      }
      case 4 -> path(p) + " IN (" + join(1 + random.nextInt(3), () -> p.value(operand())) + ")";
      case 5 -> "attribute_exists(" + path(p) + ")";
      case 6 -> "attribute_not_exists(" + path(p) + ")";
      case 7 -> "attribute_type(" + path(p) + ", " + p.value(Values.s(random.nextInt(20) == 0 ? "X"
          : TableShape.pick(TYPE_NAMES, random))) + ")";
      case 8 -> (random.nextBoolean() ? "begins_with(" : "contains(") + path(p) + ", " + p.value(operand()) + ")";
      case 9 -> "size(" + path(p) + ") " + comparator() + " " + p.value(random.nextInt(10) == 0 ? operand()
          : Values.n(String.valueOf(random.nextInt(4))));
      case 10 -> condition(p, depth + 1) + (random.nextBoolean() ? " AND " : " OR ") + condition(p, depth + 1);
      case 11 -> "NOT " + condition(p, depth + 1);
      default -> "(" + condition(p, depth + 1) + ")";
    };
  }

  /** A comparison operand: mostly a scalar, sometimes any type. */
  ObjectNode operand() {
    return random.nextInt(4) == 0 ? values.value(1)
        : values.value(TableShape.pick(List.of("S", "N", "B"), random), 1);
  }

  String update(Placeholders p) {
    Map<String, List<String>> clauses = new LinkedHashMap<>();
    for (int actions = 1 + random.nextInt(3); actions > 0; actions--) {
      int roll = random.nextInt(10);
      String clause = roll < 6 ? "SET" : roll < 8 ? "REMOVE" : roll < 9 ? "ADD" : "DELETE";
      clauses.computeIfAbsent(clause, c -> new ArrayList<>()).add(switch (clause) {
        case "SET" -> target(p) + " = " + setOperand(p);
        case "REMOVE" -> target(p);
        case "ADD" -> target(p) + " " + p.value(random.nextInt(3) == 0 ? values.value(1)
            : random.nextBoolean() ? Values.n(values.validNumber()) : values.value("SS", 1));
        default -> target(p) + " " + p.value(random.nextInt(3) == 0 ? values.value(1)
            : values.value(TableShape.pick(List.of("SS", "NS", "BS"), random), 1));
      });
    }
    if (random.nextInt(40) == 0) {
      clauses.put("SET " + target(p) + " = " + p.value(values.value(0)) + " SET", List.of(target(p) + " = "
          + p.value(values.value(0))));
    }
    return clauses.entrySet().stream().map(c -> c.getKey() + " " + String.join(", ", c.getValue()))
        .collect(Collectors.joining(" "));
  }

  /** An update's target: not a key attribute, except now and then, which DynamoDB refuses. */
  private String target(Placeholders p) {
    String path = path(p);
    if (random.nextInt(40) == 0) {
      return p.name(table.hash().name());
    }
    return path;
  }

  private String setOperand(Placeholders p) {
    return switch (random.nextInt(9)) {
      case 0 -> path(p);
      case 1 -> path(p) + (random.nextBoolean() ? " + " : " - ") + p.value(random.nextInt(8) == 0 ? operand()
          : Values.n(values.validNumber()));
      case 2 -> random.nextBoolean()
          ? "list_append(" + path(p) + ", " + p.value(values.value("L", 1)) + ")"
          : "list_append(" + p.value(values.value("L", 1)) + ", " + path(p) + ")";
      case 3 -> "if_not_exists(" + path(p) + ", " + p.value(values.value(1)) + ")";
      default -> p.value(values.value(0));
    };
  }

  /** One to three paths, now and then overlapping ({@code a, a[0]}), which DynamoDB refuses. */
  String projection(Placeholders p) {
    if (random.nextInt(5) == 0) {
      return join(1 + random.nextInt(3), () -> path(p));
    }
    List<String> attributes = new ArrayList<>(ATTRIBUTES);
    java.util.Collections.shuffle(attributes, random);
    return String.join(", ", attributes.subList(0, 1 + random.nextInt(3)).stream().map(p::name).toList());
  }

  /** The hash key's equality and, when the key has a range, a condition on it now and then. */
  String keyCondition(Placeholders p, KeyAttribute hash, Optional<KeyAttribute> range) {
    String condition = p.name(hash.name()) + " = " + p.value(values.keyOrInvalid(hash.type()));
    if (range.isEmpty() || random.nextInt(3) == 0) {
      return condition;
    }
    KeyAttribute r = range.get();
    String name = p.name(r.name());
    String rangeCondition = switch (random.nextInt(4)) {
      case 0 -> name + " BETWEEN " + p.value(values.key(r.type())) + " AND " + p.value(values.key(r.type()));
      case 1 -> "begins_with(" + name + ", " + p.value(values.key(r.type())) + ")";
      default -> name + " " + TableShape.pick(COMPARATORS, random) + " " + p.value(values.keyOrInvalid(r.type()));
    };
    return random.nextBoolean() ? condition + " AND " + rangeCondition : rangeCondition + " AND " + condition;
  }

  private String comparator() {
    return TableShape.pick(COMPARATORS, random);
  }

  private String join(int count, java.util.function.Supplier<String> element) {
    List<String> elements = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      elements.add(element.get());
    }
    return String.join(", ", elements);
  }
}
