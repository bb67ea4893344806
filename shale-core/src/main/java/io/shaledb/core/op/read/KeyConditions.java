package io.shaledb.core.op.read;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.expr.ast.Comparator;
import io.shaledb.core.expr.ast.Condition;
import io.shaledb.core.expr.ast.ConditionFunction;
import io.shaledb.core.expr.ast.Operand;
import io.shaledb.core.keys.SortKeyCondition;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.schema.KeyAttribute;
import io.shaledb.core.schema.KeySchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Turns a bound key condition (from KeyConditionExpression or the legacy KeyConditions) into the partition to read
 * and the sort key range, enforcing DynamoDB's restricted grammar: an equality on the partition key, AND at most one
 * of = < <= > >= BETWEEN begins_with on the sort key. A multi-attribute key (global indexes) needs an equality on
 * every partition attribute, and conditions on a leading run of its sort attributes, all equalities but the last
 * ("Multi-attribute keys pattern" in the developer guide); the clauses may come in any order.
 */
final class KeyConditions {
  /**
   * The partition a Query reads, the sort values its entries start with, and the condition on the sort value after
   * them (null for all of them).
   */
  record KeyQuery(List<AttributeValue> partitionKeys, List<AttributeValue> sortKeyPrefix,
      @Nullable SortKeyCondition lastSortKey) {}

  private KeyConditions() {}

  static KeyQuery analyze(Condition condition, KeySchema schema) {
    List<Condition> parts = new ArrayList<>();
    flatten(condition, parts);
    Map<String, Condition> byName = new LinkedHashMap<>();
    for (Condition part : parts) {
      String name = keyName(part);
      if (byName.put(name, part) != null) {
        throw DynamoException.validation("KeyConditionExpressions must only contain one condition per key");
      }
    }
    return schema.hasMultipleAttributes() ? multiAttribute(byName, schema) : singleAttribute(byName, schema);
  }

  private static KeyQuery singleAttribute(Map<String, Condition> byName, KeySchema schema) {
    KeyAttribute partition = schema.partitionKey();
    Condition onPartition = byName.remove(partition.name());
    if (onPartition == null) {
      throw DynamoException.validation("Query condition missed key schema element: " + partition.name());
    }
    if (!isEquality(onPartition)) {
      throw DynamoException.validation("Query key condition not supported");
    }
    List<AttributeValue> partitionValue = List.of(equalityValue(onPartition, partition));
    if (byName.isEmpty()) {
      return new KeyQuery(partitionValue, List.of(), null);
    }
    KeyAttribute sort = schema.sortKey().orElse(null);
    Condition onSort = sort == null ? null : byName.remove(sort.name());
    if (sort == null || onSort == null || !byName.isEmpty()) {
      throw DynamoException.validation("Query condition missed key schema element: "
          + (sort == null ? byName.keySet().iterator().next() : sort.name()));
    }
    return new KeyQuery(partitionValue, List.of(), sortCondition(onSort, sort));
  }

  /**
   * The rules of a multi-attribute key, checked in the order DynamoDB Local 3.3.1 checks them; the messages about
   * missing equalities are the service's (verified against AWS by the Parity Suite's multiAttributeGsiKey test).
   */
  private static KeyQuery multiAttribute(Map<String, Condition> byName, KeySchema schema) {
    List<String> partitionsWithoutEquality = schema.partitionKeys().stream().map(KeyAttribute::name)
        .filter(name -> !isEquality(byName.get(name))).toList();
    if (!partitionsWithoutEquality.isEmpty()) {
      throw DynamoException.validation("HASH key attributes " + String.join(", ", partitionsWithoutEquality)
          + " must have equality conditions specified in the query");
    }
    List<KeyAttribute> sortKeys = schema.sortKeys();
    if (byName.keySet().stream().anyMatch(name -> !schema.isKeyAttribute(name))) {
      if (byName.size() > schema.size()) {
        throw DynamoException.validation("Query key condition not supported");
      }
      String missed = sortKeys.stream().map(KeyAttribute::name).filter(name -> !byName.containsKey(name))
          .findFirst().orElseThrow();
      throw DynamoException.validation("Query condition missed key schema element: " + missed);
    }
    int last = -1;
    for (int i = 0; i < sortKeys.size(); i++) {
      if (byName.containsKey(sortKeys.get(i).name())) {
        last = i;
      }
    }
    List<String> sortsWithoutEquality = new ArrayList<>();
    for (int i = 0; i < last; i++) {
      if (!isEquality(byName.get(sortKeys.get(i).name()))) {
        sortsWithoutEquality.add(sortKeys.get(i).name());
      }
    }
    if (!sortsWithoutEquality.isEmpty()) {
      throw DynamoException.validation("RANGE key attributes " + String.join(", ", sortsWithoutEquality)
          + " must have equality conditions specified in the query because a condition is present on key attribute "
          + sortKeys.get(last).name());
    }
    List<AttributeValue> partitionValues = new ArrayList<>();
    for (KeyAttribute key : schema.partitionKeys()) {
      partitionValues.add(equalityValue(checked(byName, key), key));
    }
    List<AttributeValue> sortPrefix = new ArrayList<>();
    for (int i = 0; i < last; i++) {
      sortPrefix.add(equalityValue(checked(byName, sortKeys.get(i)), sortKeys.get(i)));
    }
    return new KeyQuery(partitionValues, sortPrefix,
        last < 0 ? null : sortCondition(checked(byName, sortKeys.get(last)), sortKeys.get(last)));
  }

  /** The condition on a key attribute that the checks above found present. */
  private static Condition checked(Map<String, Condition> byName, KeyAttribute key) {
    return Objects.requireNonNull(byName.get(key.name()), "a key attribute checked to have a condition");
  }

  private static boolean isEquality(@Nullable Condition condition) {
    return condition instanceof Condition.Comparison c && c.comparator() == Comparator.EQ;
  }

  /** The value an equality compares its key attribute with, whichever side it is written on. */
  private static AttributeValue equalityValue(Condition equality, KeyAttribute key) {
    Condition.Comparison c = (Condition.Comparison) equality;
    return literal(c.left() instanceof Operand.PathOperand ? c.right() : c.left(), key);
  }

  private static void flatten(Condition condition, List<Condition> parts) {
    switch (condition) {
      case Condition.And and -> {
        flatten(and.left(), parts);
        flatten(and.right(), parts);
      }
      case Condition.Or or -> throw invalidOperator("OR");
      case Condition.Not not -> throw invalidOperator("NOT");
      case Condition.In in -> throw invalidOperator("IN");
      case Condition.Function f when f.function() != ConditionFunction.BEGINS_WITH ->
          throw invalidOperator(f.function().functionName());
      case Condition.Comparison c when c.comparator() == Comparator.NE -> throw invalidOperator("<>");
      default -> parts.add(condition);
    }
  }

  /** The key attribute a part constrains; comparisons are normalised to path-on-the-left by the caller. */
  private static String keyName(Condition part) {
    Operand subject = switch (part) {
      case Condition.Comparison c -> c.left() instanceof Operand.PathOperand ? c.left() : c.right();
      case Condition.Between b -> b.value();
      case Condition.Function f -> f.arguments().get(0);
      default -> throw new IllegalStateException("flatten let through " + part);
    };
    if (!(subject instanceof Operand.PathOperand p) || p.path().elements().size() != 1) {
      throw DynamoException.validation("Query key condition not supported");
    }
    return p.path().topLevelName();
  }

  private static SortKeyCondition sortCondition(Condition condition, KeyAttribute sort) {
    return switch (condition) {
      case Condition.Comparison c -> {
        boolean pathLeft = c.left() instanceof Operand.PathOperand;
        AttributeValue value = literal(pathLeft ? c.right() : c.left(), sort);
        Comparator op = pathLeft ? c.comparator() : flip(c.comparator());
        yield switch (op) {
          case EQ -> new SortKeyCondition.Equal(value);
          case LT -> new SortKeyCondition.Less(value, false);
          case LE -> new SortKeyCondition.Less(value, true);
          case GT -> new SortKeyCondition.Greater(value, false);
          case GE -> new SortKeyCondition.Greater(value, true);
          case NE -> throw invalidOperator("<>");
        };
      }
      case Condition.Between b -> new SortKeyCondition.Between(literal(b.low(), sort), literal(b.high(), sort));
      case Condition.Function f -> {
        AttributeValue prefix = literal(f.arguments().get(1), sort);
        if (prefix instanceof AttributeValue.N) {
          throw DynamoException.validation("Invalid KeyConditionExpression: Incorrect operand type for operator or"
              + " function; operator or function: begins_with, operand type: N");
        }
        yield new SortKeyCondition.BeginsWith(prefix);
      }
      default -> throw new IllegalStateException("flatten let through " + condition);
    };
  }

  private static Comparator flip(Comparator comparator) {
    return switch (comparator) {
      case LT -> Comparator.GT;
      case LE -> Comparator.GE;
      case GT -> Comparator.LT;
      case GE -> Comparator.LE;
      case EQ, NE -> comparator;
    };
  }

  private static AttributeValue literal(Operand operand, KeyAttribute key) {
    if (!(operand instanceof Operand.Literal l)) {
      throw DynamoException.validation("Query key condition not supported");
    }
    if (l.value().type() != key.type().attributeType()) {
      throw DynamoException.validation(
          "One or more parameter values were invalid: Condition parameter type does not match schema type");
    }
    return l.value();
  }

  private static DynamoException invalidOperator(String operator) {
    return DynamoException.validation("Invalid operator used in KeyConditionExpression: " + operator);
  }
}
