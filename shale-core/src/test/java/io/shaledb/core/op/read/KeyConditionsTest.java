package io.shaledb.core.op.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.expr.ast.Comparator;
import io.shaledb.core.expr.ast.Condition;
import io.shaledb.core.expr.ast.ConditionFunction;
import io.shaledb.core.expr.ast.Operand;
import io.shaledb.core.expr.ast.Path;
import io.shaledb.core.keys.SortKeyCondition;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.Bytes;
import io.shaledb.core.op.read.KeyConditions.KeyQuery;
import io.shaledb.core.schema.KeyAttribute;
import io.shaledb.core.schema.KeySchema;
import io.shaledb.core.schema.ScalarType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The key condition rules of multi-attribute keys. The messages about missing equalities are the service's (the
 * Parity Suite's multiAttributeGsiKey test, verified against AWS); DynamoDB Local 3.3.1 answers the same.
 */
class KeyConditionsTest {
  private static final KeySchema TWO_BY_THREE = new KeySchema(
      List.of(key("h1", ScalarType.S), key("h2", ScalarType.N)),
      List.of(key("r1", ScalarType.S), key("r2", ScalarType.N), key("r3", ScalarType.B)));

  private static KeyAttribute key(String name, ScalarType type) {
    return new KeyAttribute(name, type);
  }

  private static Operand path(String name) {
    return new Operand.PathOperand(Path.of(name));
  }

  private static Operand value(AttributeValue value) {
    return new Operand.Literal(value);
  }

  private static AttributeValue s(String text) {
    return new AttributeValue.S(text);
  }

  private static AttributeValue n(String text) {
    return AttributeValue.N.of(text);
  }

  private static Condition compare(String name, Comparator comparator, AttributeValue v) {
    return new Condition.Comparison(path(name), comparator, value(v));
  }

  private static Condition and(List<Condition> parts) {
    Condition all = parts.getFirst();
    for (Condition part : parts.subList(1, parts.size())) {
      all = new Condition.And(all, part);
    }
    return all;
  }

  private static Condition and(Condition... parts) {
    return and(List.of(parts));
  }

  private static String refusal(Condition condition) {
    try {
      KeyConditions.analyze(condition, TWO_BY_THREE);
    } catch (DynamoException e) {
      return e.getMessage();
    }
    return null;
  }

  @Test
  void analyze_equalitiesOnEveryAttribute_readTheWholeTuple() {
    KeyQuery query = KeyConditions.analyze(and(compare("r3", Comparator.EQ, new AttributeValue.B(
        Bytes.wrap(new byte[] {1}))), compare("h2", Comparator.EQ, n("7")),
        compare("r1", Comparator.EQ, s("a")), compare("h1", Comparator.EQ, s("x")),
        compare("r2", Comparator.EQ, n("2"))), TWO_BY_THREE);

    assertThat(query.partitionKeys()).containsExactly(s("x"), n("7"));
    assertThat(query.sortKeyPrefix()).containsExactly(s("a"), n("2"));
    assertThat(query.lastSortKey()).isInstanceOf(SortKeyCondition.Equal.class);
  }

  @Test
  void analyze_valueWrittenFirst_isTheSameEquality() {
    KeyQuery query = KeyConditions.analyze(and(new Condition.Comparison(value(s("x")), Comparator.EQ, path("h1")),
        compare("h2", Comparator.EQ, n("1")), new Condition.Comparison(value(s("m")), Comparator.LT, path("r1"))),
        TWO_BY_THREE);

    assertThat(query.partitionKeys()).containsExactly(s("x"), n("1"));
    assertThat(query.sortKeyPrefix()).isEmpty();
    assertThat(query.lastSortKey()).isEqualTo(new SortKeyCondition.Greater(s("m"), false));
  }

  @Test
  void analyze_partitionAttributesWithoutEquality_areAllNamed() {
    assertThat(refusal(compare("r1", Comparator.EQ, s("a"))))
        .isEqualTo("HASH key attributes h1, h2 must have equality conditions specified in the query");
    assertThat(refusal(and(compare("h1", Comparator.EQ, s("a")), compare("h2", Comparator.GT, n("1")))))
        .isEqualTo("HASH key attributes h2 must have equality conditions specified in the query");
  }

  @Test
  void analyze_attributeOutsideTheKey_isAMissedElementOrUnsupported() {
    Condition partition = and(compare("h1", Comparator.EQ, s("a")), compare("h2", Comparator.EQ, n("1")));
    assertThat(refusal(and(partition, compare("zz", Comparator.EQ, s("a")))))
        .isEqualTo("Query condition missed key schema element: r1");
    assertThat(refusal(and(partition, compare("r1", Comparator.EQ, s("a")), compare("zz", Comparator.EQ, s("a")))))
        .isEqualTo("Query condition missed key schema element: r2");
    assertThat(refusal(and(partition, compare("r1", Comparator.EQ, s("a")), compare("r2", Comparator.EQ, n("1")),
        compare("r3", Comparator.EQ, new AttributeValue.B(Bytes.wrap(new byte[] {1}))),
        compare("zz", Comparator.EQ, s("a"))))).isEqualTo("Query key condition not supported");
  }

  @Test
  void analyze_valueOfAnotherType_isRefusedAfterTheShapeOfTheConditions() {
    assertThat(refusal(and(compare("h1", Comparator.EQ, s("a")), compare("h2", Comparator.EQ, s("1")))))
        .isEqualTo("One or more parameter values were invalid: Condition parameter type does not match schema type");
    assertThat(refusal(and(compare("h1", Comparator.EQ, s("a")), compare("h2", Comparator.EQ, n("1")),
        compare("r2", Comparator.EQ, s("1"))))).startsWith("RANGE key attributes r1 ");
  }

  /** Each attribute of the key either has no condition or one of these. */
  private enum Kind {
    NONE,
    EQUAL,
    GREATER,
    BETWEEN,
    BEGINS_WITH
  }

  /**
   * Every combination of conditions on a key of two partition and three sort attributes: accepted exactly when every
   * partition attribute has an equality and the conditioned sort attributes are a leading run, all equalities but
   * the last; then the query's prefix and last condition are those conditions.
   */
  @Test
  void analyze_everyCombinationOfConditions_followsTheLeadingRunRule() {
    List<KeyAttribute> attributes = TWO_BY_THREE.attributes();
    int combinations = (int) Math.pow(Kind.values().length, attributes.size());
    Random random = new Random(7);
    for (int combination = 0; combination < combinations; combination++) {
      Kind[] kinds = new Kind[attributes.size()];
      for (int i = 0, rest = combination; i < kinds.length; i++, rest /= Kind.values().length) {
        kinds[i] = Kind.values()[rest % Kind.values().length];
      }
      List<Condition> parts = new ArrayList<>();
      for (int i = 0; i < kinds.length; i++) {
        if (kinds[i] != Kind.NONE) {
          parts.add(condition(attributes.get(i), kinds[i]));
        }
      }
      if (parts.isEmpty()) {
        continue;
      }
      Collections.shuffle(parts, random);
      String expected = expectedRefusal(kinds, attributes);
      if (expected != null) {
        assertThat(refusal(and(parts))).as("%s", List.of(kinds)).isEqualTo(expected);
        continue;
      }
      KeyQuery query = KeyConditions.analyze(and(parts), TWO_BY_THREE);
      int last = lastSortCondition(kinds);
      assertThat(query.partitionKeys()).as("%s", List.of(kinds)).hasSize(2);
      assertThat(query.sortKeyPrefix()).as("%s", List.of(kinds)).hasSize(Math.max(0, last - 2));
      assertThat(query.lastSortKey() == null).as("%s", List.of(kinds)).isEqualTo(last < 2);
    }
  }

  /** The refusal the leading-run rule gives, null when the combination is a valid key condition. */
  private static String expectedRefusal(Kind[] kinds, List<KeyAttribute> attributes) {
    List<String> partitions = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      if (kinds[i] != Kind.EQUAL) {
        partitions.add(attributes.get(i).name());
      }
    }
    if (!partitions.isEmpty()) {
      return "HASH key attributes " + String.join(", ", partitions)
          + " must have equality conditions specified in the query";
    }
    int last = lastSortCondition(kinds);
    List<String> sorts = new ArrayList<>();
    for (int i = 2; i < last; i++) {
      if (kinds[i] != Kind.EQUAL) {
        sorts.add(attributes.get(i).name());
      }
    }
    if (!sorts.isEmpty()) {
      return "RANGE key attributes " + String.join(", ", sorts) + " must have equality conditions specified in the"
          + " query because a condition is present on key attribute " + attributes.get(last).name();
    }
    if (last >= 0 && kinds[last] == Kind.BEGINS_WITH && attributes.get(last).type() == ScalarType.N) {
      return "Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function:"
          + " begins_with, operand type: N";
    }
    return null;
  }

  private static int lastSortCondition(Kind[] kinds) {
    int last = -1;
    for (int i = 2; i < kinds.length; i++) {
      if (kinds[i] != Kind.NONE) {
        last = i;
      }
    }
    return last;
  }

  private static Condition condition(KeyAttribute key, Kind kind) {
    AttributeValue low = sample(key.type(), 1);
    AttributeValue high = sample(key.type(), 2);
    return switch (kind) {
      case NONE -> throw new IllegalArgumentException("no condition");
      case EQUAL -> compare(key.name(), Comparator.EQ, low);
      case GREATER -> compare(key.name(), Comparator.GT, low);
      case BETWEEN -> new Condition.Between(path(key.name()), value(low), value(high));
      case BEGINS_WITH -> new Condition.Function(ConditionFunction.BEGINS_WITH, List.of(path(key.name()), value(low)));
    };
  }

  private static AttributeValue sample(ScalarType type, int i) {
    return switch (type) {
      case S -> s("v" + i);
      case N -> n(String.valueOf(i));
      case B -> new AttributeValue.B(Bytes.wrap(new byte[] {(byte) i}));
    };
  }
}
