package io.shaledb.core.op.partiql;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.expr.ast.Comparator;
import io.shaledb.core.expr.ast.Condition;
import io.shaledb.core.expr.ast.ConditionFunction;
import io.shaledb.core.expr.ast.Operand;
import io.shaledb.core.expr.ast.Path;
import io.shaledb.core.expr.ast.PathElement;
import io.shaledb.core.expr.eval.Comparisons;
import io.shaledb.core.model.AttributeType;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.partiql.ast.Expr;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Translates a statement's WHERE clause into the bound condition tree of the expression language
 * ({@link Condition}), its values bound, so the one {@code ConditionEvaluator} serves PartiQL as it serves
 * FilterExpression and ConditionExpression. {@code IS MISSING} is {@code attribute_not_exists}, {@code IS NULL} and the
 * other IS types an attribute of that type, {@code MISSING(path)} {@code attribute_not_exists}.
 */
final class Predicates {
  private final Bindings bindings;

  Predicates(Bindings bindings) {
    this.bindings = bindings;
  }

  Condition condition(Expr expr) {
    return switch (expr) {
      case Expr.Comparison c -> {
        Operand left = operand(c.left());
        Operand right = operand(c.right());
        checkOrdered(c.op().symbol(), c.op() != Comparator.EQ && c.op() != Comparator.NE,
            left, right);
        yield new Condition.Comparison(left, c.op(), right);
      }
      case Expr.Between b -> {
        Operand low = operand(b.low());
        Operand high = operand(b.high());
        checkOrdered("BETWEEN", true, low, high);
        yield new Condition.Between(operand(b.value()), low, high);
      }
      case Expr.In in -> new Condition.In(operand(in.value()), candidates(in.candidates()));
      case Expr.Is is -> {
        Operand path = pathOperand(is.value());
        Condition holds = switch (is.kind()) {
          case MISSING -> new Condition.Function(ConditionFunction.ATTRIBUTE_NOT_EXISTS, List.of(path));
          case NULL -> ofType(path, AttributeType.NULL);
          case BOOLEAN -> ofType(path, AttributeType.BOOL);
          case BLOB -> ofType(path, AttributeType.B);
          case STRING -> ofType(path, AttributeType.S);
          case NUMERIC -> ofType(path, AttributeType.N);
          case STRUCT -> ofType(path, AttributeType.M);
          case LIST -> ofType(path, AttributeType.L);
        };
        yield is.negated() ? new Condition.Not(holds) : holds;
      }
      case Expr.And and -> new Condition.And(condition(and.left()), condition(and.right()));
      case Expr.Or or -> new Condition.Or(condition(or.left()), condition(or.right()));
      case Expr.Not not -> new Condition.Not(condition(not.operand()));
      case Expr.Call call -> function(call);
      case Expr.Literal l -> throw notACondition();
      case Expr.Missing m -> throw notACondition();
      case Expr.Parameter p -> throw notACondition();
      case Expr.PathExpr p -> throw notACondition();
      case Expr.ListExpr l -> throw notACondition();
      case Expr.TupleExpr t -> throw notACondition();
      case Expr.BagExpr b -> throw notACondition();
      case Expr.Arithmetic a -> throw notACondition();
    };
  }

  /**
   * {@code path IS type}: the attribute has that type, so a missing one has none (DynamoDB Local 3.3.1 answers
   * {@code x IS NULL} false and {@code x IS NOT NULL} true for an absent x), and a set is none of the types IS names.
   */
  private static Condition ofType(Operand path, AttributeType type) {
    return new Condition.Function(ConditionFunction.ATTRIBUTE_TYPE,
        List.of(path, new Operand.Literal(new AttributeValue.S(type.name()))));
  }

  /** A value in a condition or an update: a path, a bound value, {@code size(...)}, arithmetic, or list_append. */
  Operand operand(Expr expr) {
    if (Bindings.isValue(expr)) {
      return new Operand.Literal(bindings.value(expr));
    }
    return switch (expr) {
      case Expr.PathExpr path -> new Operand.PathOperand(path(path));
      case Expr.Arithmetic a -> new Operand.Arithmetic(operand(a.left()), a.op() == Expr.ArithmeticOp.ADD,
          operand(a.right()));
      case Expr.Call call -> callOperand(call);
      case Expr.Literal l -> throw notAValue();
      case Expr.Parameter p -> throw notAValue();
      case Expr.TupleExpr t -> throw notAValue();
      case Expr.ListExpr l -> throw notAValue();
      case Expr.BagExpr b -> throw notAValue();
      case Expr.Missing m -> throw notAValue();
      case Expr.Comparison c -> throw notAValue();
      case Expr.Between b -> throw notAValue();
      case Expr.In in -> throw notAValue();
      case Expr.Is is -> throw notAValue();
      case Expr.And and -> throw notAValue();
      case Expr.Or or -> throw notAValue();
      case Expr.Not not -> throw notAValue();
    };
  }

  private Operand callOperand(Expr.Call call) {
    List<Expr> arguments = call.arguments();
    return switch (call.function()) {
      case SIZE -> new Operand.Size(operand(only(call, 1).getFirst()));
      case LIST_APPEND -> new Operand.ListAppend(operand(only(call, 2).get(0)), operand(arguments.get(1)));
      case BEGINS_WITH, CONTAINS, ATTRIBUTE_TYPE, MISSING, ATTRIBUTE_EXISTS, ATTRIBUTE_NOT_EXISTS, SET_ADD, SET_DELETE ->
          throw notAValue();
    };
  }

  /** The call's arguments, which the parser has checked are {@code arity} many. */
  static List<Expr> only(Expr.Call call, int arity) {
    if (call.arguments().size() != arity) {
      throw new IllegalArgumentException(call.function() + " takes " + arity + " arguments");
    }
    return call.arguments();
  }

  static Path path(Expr.PathExpr path) {
    List<PathElement> elements = new ArrayList<>(path.steps().size());
    for (Expr.Step step : path.steps()) {
      elements.add(switch (step) {
        case Expr.Step.Name name -> new PathElement.Name(name.name());
        case Expr.Step.Index index -> new PathElement.Index(index.index());
      });
    }
    return new Path(elements);
  }

  /** The terms of a WHERE clause joined by AND at its top level, in written order. */
  static List<Expr> conjuncts(Expr where) {
    List<Expr> terms = new ArrayList<>();
    collect(where, terms);
    return terms;
  }

  private static void collect(Expr expr, List<Expr> terms) {
    if (expr instanceof Expr.And and) {
      collect(and.left(), terms);
      collect(and.right(), terms);
    } else {
      terms.add(expr);
    }
  }

  /** The terms joined by AND, or null for none. */
  static @Nullable Condition all(List<Condition> terms) {
    Condition joined = null;
    for (Condition term : terms) {
      joined = joined == null ? term : new Condition.And(joined, term);
    }
    return joined;
  }

  private List<Operand> candidates(List<Expr> candidates) {
    return candidates.stream().map(this::operand).toList();
  }

  private Condition function(Expr.Call call) {
    ConditionFunction function = switch (call.function()) {
      case BEGINS_WITH -> ConditionFunction.BEGINS_WITH;
      case CONTAINS -> ConditionFunction.CONTAINS;
      case ATTRIBUTE_TYPE -> ConditionFunction.ATTRIBUTE_TYPE;
      case MISSING, ATTRIBUTE_NOT_EXISTS -> ConditionFunction.ATTRIBUTE_NOT_EXISTS;
      case ATTRIBUTE_EXISTS -> ConditionFunction.ATTRIBUTE_EXISTS;
      case SIZE, LIST_APPEND, SET_ADD, SET_DELETE -> throw notACondition();
    };
    only(call, function.arity());
    List<Operand> arguments = new ArrayList<>();
    for (int i = 0; i < call.arguments().size(); i++) {
      arguments.add(i == 0 && function.requiresPath() ? pathOperand(call.arguments().get(i))
          : operand(call.arguments().get(i)));
    }
    return new Condition.Function(function, arguments);
  }

  private static Operand pathOperand(Expr expr) {
    if (expr instanceof Expr.PathExpr path) {
      return new Operand.PathOperand(path(path));
    }
    throw DynamoException.validation("Unsupported operation: the operand must be a document path");
  }

  /**
   * DynamoDB orders strings, numbers and binaries only, and refuses an ordering comparison with a value of another
   * type before it reads anything (dynoxide's capture from the service).
   */
  private static void checkOrdered(String operator, boolean ordering, Operand... operands) {
    if (!ordering) {
      return;
    }
    for (Operand operand : operands) {
      if (operand instanceof Operand.Literal literal && !Comparisons.isOrderable(literal.value())) {
        throw DynamoException.validation("Incorrect operand type for operator or function; operator or function: "
            + operator + ", operand type: " + literal.value().type().name());
      }
    }
  }

  private static DynamoException notAValue() {
    return DynamoException.validation("Unsupported operation: the expression is not a value");
  }

  private static DynamoException notACondition() {
    return DynamoException.validation("Unsupported operation: the expression is not a condition");
  }
}
