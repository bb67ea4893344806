package io.shaledb.core.op.partiql;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.model.AttributeType;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.partiql.ast.Expr;
import io.shaledb.core.partiql.ast.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A statement's parameters, bound to its {@code ?}s, and the attribute value each value expression denotes: scalar
 * literals as they are, tuples as M, lists as L, bags as the set of their elements' type (SS, NS or BS). A tuple entry
 * whose value is MISSING is left out, as PartiQL leaves it out of the tuple.
 */
final class Bindings {
  private final List<AttributeValue> parameters;

  private Bindings(List<AttributeValue> parameters) {
    this.parameters = parameters;
  }

  /**
   * Binds {@code parameters} (null when the request sent none) to {@code statement}'s placeholders.
   *
   * @throws DynamoException DynamoDB's ValidationException when their counts differ
   */
  static Bindings of(Statement statement, @Nullable List<AttributeValue> parameters) {
    List<AttributeValue> sent = parameters == null ? List.of() : parameters;
    if (sent.size() != statement.parameterCount()) {
      throw DynamoException.validation("Number of parameters in request and statement don't match.");
    }
    return new Bindings(sent);
  }

  /** Whether {@code expr} denotes a value (rather than a path, a predicate or a function call). */
  static boolean isValue(Expr expr) {
    return expr instanceof Expr.Literal || expr instanceof Expr.Parameter || expr instanceof Expr.TupleExpr
        || expr instanceof Expr.ListExpr || expr instanceof Expr.BagExpr;
  }

  /** The attribute value {@code expr} denotes; {@code expr} must satisfy {@link #isValue}. */
  AttributeValue value(Expr expr) {
    return switch (expr) {
      case Expr.Literal literal -> literal.value();
      case Expr.Parameter parameter -> parameters.get(parameter.index());
      case Expr.TupleExpr tuple -> {
        Map<String, AttributeValue> entries = new LinkedHashMap<>();
        for (Expr.TupleExpr.Entry entry : tuple.entries()) {
          if (!(entry.value() instanceof Expr.Missing)) {
            entries.put(entry.key(), value(entry.value()));
          }
        }
        yield new AttributeValue.M(entries);
      }
      case Expr.ListExpr list -> {
        List<AttributeValue> elements = new ArrayList<>(list.elements().size());
        for (Expr element : list.elements()) {
          elements.add(value(element));
        }
        yield new AttributeValue.L(elements);
      }
      case Expr.BagExpr bag -> set(bag);
      case Expr.Missing m -> throw unsupported("MISSING");
      case Expr.PathExpr p -> throw unsupported("a path");
      case Expr.Comparison c -> throw unsupported("a comparison");
      case Expr.Between b -> throw unsupported("BETWEEN");
      case Expr.In in -> throw unsupported("IN");
      case Expr.Is is -> throw unsupported("IS");
      case Expr.And and -> throw unsupported("AND");
      case Expr.Or or -> throw unsupported("OR");
      case Expr.Not not -> throw unsupported("NOT");
      case Expr.Call call -> throw unsupported(call.function().name().toLowerCase(Locale.ROOT));
      case Expr.Arithmetic arithmetic -> throw unsupported("arithmetic");
    };
  }

  /** The bound value of an INSERT's VALUE, a tuple (the parser accepts nothing else). */
  Map<String, AttributeValue> item(Expr expr) {
    if (value(expr) instanceof AttributeValue.M m) {
      return m.values();
    }
    throw new IllegalArgumentException("an INSERT's item is a tuple");
  }

  /**
   * A bag as DynamoDB's set of its elements' type; every element must be a string or a number, all of one type, and
   * none repeated. The parser has checked the literals; a parameter, only ever the first element, is checked here,
   * where no position is known to report (DynamoDB Local 3.3.1 points at it).
   */
  private AttributeValue set(Expr.BagExpr bag) {
    List<AttributeValue> elements = new ArrayList<>(bag.elements().size());
    for (Expr element : bag.elements()) {
      elements.add(value(element));
    }
    if (elements.isEmpty()) {
      throw DynamoException.validation("One or more parameter values were invalid: An string set  may not be empty");
    }
    AttributeType type = elements.getFirst().type();
    if (elements.stream().anyMatch(element -> element.type() != type)) {
      throw mixedSet();
    }
    return switch (type) {
      case S -> new AttributeValue.SS(distinct(elements, element -> ((AttributeValue.S) element).value()));
      case N -> new AttributeValue.NS(distinct(elements, element -> ((AttributeValue.N) element).value()));
      case B, SS, NS, BS, M, L, NULL, BOOL -> throw mixedSet();
    };
  }

  private static <T> Set<T> distinct(List<AttributeValue> elements, Function<AttributeValue, T> member) {
    Set<T> values = new LinkedHashSet<>();
    for (AttributeValue element : elements) {
      values.add(member.apply(element));
    }
    if (values.size() != elements.size()) {
      throw DynamoException.validation("One or more parameter values were invalid: Input collection contains"
          + " duplicates");
    }
    return values;
  }

  private static DynamoException mixedSet() {
    return DynamoException.validation(
        "Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags");
  }

  private static DynamoException unsupported(String what) {
    return DynamoException.validation("Unsupported operation: " + what + " is not a value");
  }
}
