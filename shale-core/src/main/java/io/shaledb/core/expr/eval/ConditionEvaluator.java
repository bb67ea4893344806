package io.shaledb.core.expr.eval;

import io.shaledb.core.expr.ast.Condition;
import io.shaledb.core.expr.ast.Operand;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.DynamoNumber;
import java.util.Map;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates bound conditions on an item. Comparisons of different types, or with a missing attribute, are false
 * rather than errors, as in DynamoDB; {@code <>} is true when the values differ or one is missing.
 */
public final class ConditionEvaluator {
  private ConditionEvaluator() {}

  /** @param item the item, or an empty map when there is none */
  public static boolean test(Condition condition, Map<String, AttributeValue> item) {
    return switch (condition) {
      case Condition.Comparison c -> compare(c, item);
      case Condition.Between b -> {
        AttributeValue v = value(b.value(), item);
        AttributeValue low = value(b.low(), item);
        AttributeValue high = value(b.high(), item);
        yield ordered(v, low, order -> order >= 0) && ordered(v, high, order -> order <= 0);
      }
      case Condition.In in -> {
        AttributeValue v = value(in.value(), item);
        boolean found = false;
        for (Operand candidate : in.candidates()) {
          if (v != null && v.equals(value(candidate, item))) {
            found = true;
            break;
          }
        }
        yield found;
      }
      case Condition.And and -> test(and.left(), item) && test(and.right(), item);
      case Condition.Or or -> test(or.left(), item) || test(or.right(), item);
      case Condition.Not not -> !test(not.condition(), item);
      case Condition.Function f -> function(f, item);
    };
  }

  private static boolean compare(Condition.Comparison c, Map<String, AttributeValue> item) {
    AttributeValue left = value(c.left(), item);
    AttributeValue right = value(c.right(), item);
    return switch (c.comparator()) {
      case EQ -> left != null && left.equals(right);
      case NE -> left == null || !left.equals(right);
      case LT -> ordered(left, right, order -> order < 0);
      case LE -> ordered(left, right, order -> order <= 0);
      case GT -> ordered(left, right, order -> order > 0);
      case GE -> ordered(left, right, order -> order >= 0);
    };
  }

  /** Whether both values are present, of one orderable type, and their order passes {@code test}. */
  private static boolean ordered(@Nullable AttributeValue a, @Nullable AttributeValue b, IntPredicate test) {
    return a != null && b != null && a.type() == b.type() && Comparisons.isOrderable(a)
        && test.test(Comparisons.compare(a, b));
  }

  private static boolean function(Condition.Function f, Map<String, AttributeValue> item) {
    AttributeValue first = value(f.arguments().get(0), item);
    return switch (f.function()) {
      case ATTRIBUTE_EXISTS -> first != null;
      case ATTRIBUTE_NOT_EXISTS -> first == null;
      case ATTRIBUTE_TYPE -> first != null
          && value(f.arguments().get(1), item) instanceof AttributeValue.S type
          && first.type().name().equals(type.value());
      case BEGINS_WITH -> beginsWith(first, value(f.arguments().get(1), item));
      case CONTAINS -> contains(first, value(f.arguments().get(1), item));
    };
  }

  private static boolean beginsWith(@Nullable AttributeValue value, @Nullable AttributeValue prefix) {
    if (value instanceof AttributeValue.S s && prefix instanceof AttributeValue.S p) {
      return s.value().startsWith(p.value());
    }
    return value instanceof AttributeValue.B b && prefix instanceof AttributeValue.B p && b.value().startsWith(p.value());
  }

  private static boolean contains(@Nullable AttributeValue container, @Nullable AttributeValue element) {
    if (container == null || element == null) {
      return false;
    }
    return switch (container) {
      case AttributeValue.S s -> element instanceof AttributeValue.S e && s.value().contains(e.value());
      case AttributeValue.SS ss -> element instanceof AttributeValue.S e && ss.values().contains(e.value());
      case AttributeValue.NS ns -> element instanceof AttributeValue.N e && ns.values().contains(e.value());
      case AttributeValue.BS bs -> element instanceof AttributeValue.B e && bs.values().contains(e.value());
      case AttributeValue.L l -> l.values().contains(element);
      case AttributeValue.B b -> element instanceof AttributeValue.B e && indexOf(b, e) >= 0;
      case AttributeValue.N n -> false;
      case AttributeValue.M m -> false;
      case AttributeValue.Null n -> false;
      case AttributeValue.Bool bool -> false;
    };
  }

  private static int indexOf(AttributeValue.B haystack, AttributeValue.B needle) {
    byte[] h = haystack.value().toByteArray();
    byte[] n = needle.value().toByteArray();
    outer:
    for (int i = 0; i + n.length <= h.length; i++) {
      for (int j = 0; j < n.length; j++) {
        if (h[i + j] != n[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** An operand's value on the item, or null when it has none. */
  static @Nullable AttributeValue value(Operand operand, Map<String, AttributeValue> item) {
    return switch (operand) {
      case Operand.PathOperand p -> Paths.get(item, p.path());
      case Operand.Literal l -> l.value();
      case Operand.Size s -> size(value(s.operand(), item));
      case Operand.Placeholder p -> throw new IllegalStateException("unbound placeholder " + p.name());
      case Operand.IfNotExists i -> throw new IllegalStateException("if_not_exists in a condition");
      case Operand.ListAppend l -> throw new IllegalStateException("list_append in a condition");
      case Operand.Arithmetic a -> throw new IllegalStateException("arithmetic in a condition");
    };
  }

  /**
   * size(): UTF-16 code units of a string (as the service counts: ExtendDB pull request 67 checked "é𝄞" against it,
   * 3), bytes of a binary, elements of a set, list or map; none for other types.
   */
  private static @Nullable AttributeValue size(@Nullable AttributeValue value) {
    if (value == null) {
      return null;
    }
    long size = switch (value) {
      case AttributeValue.S s -> s.value().length();
      case AttributeValue.B b -> b.value().length();
      case AttributeValue.SS ss -> ss.values().size();
      case AttributeValue.NS ns -> ns.values().size();
      case AttributeValue.BS bs -> bs.values().size();
      case AttributeValue.M m -> m.values().size();
      case AttributeValue.L l -> l.values().size();
      case AttributeValue.N n -> -1;
      case AttributeValue.Null n -> -1;
      case AttributeValue.Bool b -> -1;
    };
    return size < 0 ? null : new AttributeValue.N(DynamoNumber.of(size));
  }
}
