package io.shaledb.core.op.partiql;

import io.shaledb.core.expr.ast.Comparator;
import io.shaledb.core.expr.eval.Comparisons;
import io.shaledb.core.keys.SortKeyCondition;
import io.shaledb.core.model.AttributeType;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.partiql.ast.Expr;
import io.shaledb.core.schema.KeyAttribute;
import io.shaledb.core.schema.KeySchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the top-level AND terms of a WHERE clause say about a key: the equalities (or IN lists) that pin its attributes
 * and the range they put on a sort key. A term pins an attribute only when it compares the attribute itself (a path
 * of one name) with a value of the attribute's declared type; any other term can only filter.
 */
final class KeyTerms {
  private KeyTerms() {}

  /** A full primary key read off the terms, and the terms left over, which make the write's condition. */
  record FullKey(Map<String, AttributeValue> key, List<Expr> rest) {}

  /** The equalities on every attribute of {@code keys}, or null when one of them has none. */
  static @Nullable FullKey fullKey(List<Expr> terms, KeySchema keys, Bindings bindings) {
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    List<Expr> rest = new ArrayList<>();
    for (Expr term : terms) {
      if (term instanceof Expr.Comparison c && c.op() == Comparator.EQ) {
        KeyAttribute attribute = keyAttribute(keys, c.left(), c.right(), bindings);
        Expr value = attribute == null ? c.left() : c.right();
        if (attribute == null) {
          attribute = keyAttribute(keys, c.right(), c.left(), bindings);
        }
        if (attribute != null && !key.containsKey(attribute.name())) {
          key.put(attribute.name(), bindings.value(value));
          continue;
        }
      }
      rest.add(term);
    }
    return key.size() == keys.size() ? new FullKey(key, rest) : null;
  }

  /**
   * The values the first term pinning {@code partitionKey} gives it ({@code =} one, {@code IN} several, without
   * repeats), or null when no term pins it.
   */
  static @Nullable List<AttributeValue> partitionValues(List<Expr> terms, KeyAttribute partitionKey, Bindings bindings) {
    KeySchema only = KeySchema.of(partitionKey, null);
    for (Expr term : terms) {
      if (term instanceof Expr.Comparison c && c.op() == Comparator.EQ) {
        if (keyAttribute(only, c.left(), c.right(), bindings) != null) {
          return List.of(bindings.value(c.right()));
        }
        if (keyAttribute(only, c.right(), c.left(), bindings) != null) {
          return List.of(bindings.value(c.left()));
        }
      }
      if (term instanceof Expr.In in && names(in.value(), partitionKey)) {
        List<AttributeValue> values = inValues(in, partitionKey, bindings);
        if (values != null) {
          return values;
        }
      }
    }
    return null;
  }

  /** The range the first term on {@code sortKey} that a Query's key condition could hold puts on it, or null. */
  static @Nullable SortKeyCondition sortRange(List<Expr> terms, KeyAttribute sortKey, Bindings bindings) {
    for (Expr term : terms) {
      SortKeyCondition range = range(term, sortKey, bindings);
      if (range != null) {
        return range;
      }
    }
    return null;
  }

  private static @Nullable SortKeyCondition range(Expr term, KeyAttribute sortKey, Bindings bindings) {
    if (term instanceof Expr.Comparison c) {
      if (names(c.left(), sortKey) && typed(c.right(), sortKey, bindings)) {
        return range(c.op(), bindings.value(c.right()));
      }
      if (names(c.right(), sortKey) && typed(c.left(), sortKey, bindings)) {
        return range(mirrored(c.op()), bindings.value(c.left()));
      }
    }
    if (term instanceof Expr.Between b && names(b.value(), sortKey) && typed(b.low(), sortKey, bindings)
        && typed(b.high(), sortKey, bindings)) {
      AttributeValue low = bindings.value(b.low());
      AttributeValue high = bindings.value(b.high());
      // An empty range matches nothing; the filter, which holds every term, says so without a key range.
      return Comparisons.compare(low, high) > 0 ? null : new SortKeyCondition.Between(low, high);
    }
    if (term instanceof Expr.Call call && call.function() == Expr.Function.BEGINS_WITH
        && call.arguments().size() == 2 && names(call.arguments().get(0), sortKey)
        && typed(call.arguments().get(1), sortKey, bindings) && sortKey.type().attributeType() != AttributeType.N) {
      return new SortKeyCondition.BeginsWith(bindings.value(call.arguments().get(1)));
    }
    return null;
  }

  private static @Nullable SortKeyCondition range(Comparator op, AttributeValue value) {
    return switch (op) {
      case EQ -> new SortKeyCondition.Equal(value);
      case LT -> new SortKeyCondition.Less(value, false);
      case LE -> new SortKeyCondition.Less(value, true);
      case GT -> new SortKeyCondition.Greater(value, false);
      case GE -> new SortKeyCondition.Greater(value, true);
      case NE -> null;
    };
  }

  private static Comparator mirrored(Comparator op) {
    return switch (op) {
      case EQ, NE -> op;
      case LT -> Comparator.GT;
      case LE -> Comparator.GE;
      case GT -> Comparator.LT;
      case GE -> Comparator.LE;
    };
  }

  private static @Nullable List<AttributeValue> inValues(Expr.In in, KeyAttribute key, Bindings bindings) {
    List<AttributeValue> values = new ArrayList<>();
    for (Expr candidate : in.candidates()) {
      if (!Bindings.isValue(candidate)) {
        return null;
      }
      values.add(bindings.value(candidate));
    }
    if (values.stream().anyMatch(value -> value.type() != key.type().attributeType())) {
      return null;
    }
    return values.stream().distinct().toList();
  }

  /** The attribute of {@code keys} that {@code path} names, when {@code value} is a value of its type; else null. */
  private static @Nullable KeyAttribute keyAttribute(KeySchema keys, Expr path, Expr value, Bindings bindings) {
    for (KeyAttribute attribute : keys.attributes()) {
      if (names(path, attribute) && typed(value, attribute, bindings)) {
        return attribute;
      }
    }
    return null;
  }

  private static boolean names(Expr expr, KeyAttribute attribute) {
    return expr instanceof Expr.PathExpr path && path.steps().size() == 1
        && path.topLevelName().equals(attribute.name());
  }

  private static boolean typed(Expr expr, KeyAttribute attribute, Bindings bindings) {
    return Bindings.isValue(expr) && bindings.value(expr).type() == attribute.type().attributeType();
  }
}
