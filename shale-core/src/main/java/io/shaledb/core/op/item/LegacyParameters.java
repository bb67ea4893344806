package io.shaledb.core.op.item;

import io.shaledb.core.api.AttributeAction;
import io.shaledb.core.api.ComparisonOperator;
import io.shaledb.core.api.ConditionalOperator;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.expr.ast.Comparator;
import io.shaledb.core.expr.ast.Condition;
import io.shaledb.core.expr.ast.ConditionFunction;
import io.shaledb.core.expr.ast.Operand;
import io.shaledb.core.expr.ast.Path;
import io.shaledb.core.expr.ast.Update;
import io.shaledb.core.expr.eval.Comparisons;
import io.shaledb.core.model.AttributeType;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The pre-expression parameters (Expected with ConditionalOperator, and AttributeUpdates), translated into the
 * same bound trees the expressions produce, so one evaluator serves both. Messages are DynamoDB's legacy ones.
 */
public final class LegacyParameters {
  private static final String INVALID = "One or more parameter values were invalid: ";

  private LegacyParameters() {}

  /** @param parameter the parameter's path name: expected, queryFilter, scanFilter or keyConditions */
  public static void checkDeclared(ConstraintViolations v, String parameter,
      @Nullable Map<String, ExpectedCondition> expected, @Nullable Choice<ConditionalOperator> conditionalOperator) {
    if (expected != null) {
      expected.forEach((name, e) -> v.oneOf(parameter + "." + name + ".member.comparisonOperator",
          e.comparisonOperator(), ComparisonOperator.values()));
    }
    v.oneOf("conditionalOperator", conditionalOperator, ConditionalOperator.values());
  }

  static void checkDeclaredUpdates(ConstraintViolations v, @Nullable Map<String, AttributeUpdate> updates) {
    if (updates != null) {
      updates.forEach((name, u) -> v.oneOf("attributeUpdates." + name + ".member.action", u.action(),
          AttributeAction.values()));
    }
  }

  /** AttributesToGet as top-level paths; a name given twice is refused, in DynamoDB's words. */
  public static List<Path> attributesToGet(List<String> names) {
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!seen.add(name)) {
        throw invalid("Duplicate value in attribute name: " + name);
      }
    }
    return names.stream().map(Path::of).toList();
  }

  /**
   * The Expected (or QueryFilter, ScanFilter, KeyConditions) conditions joined by ConditionalOperator (AND by
   * default), or null when there are none. ConditionalOperator needs two conditions to join.
   */
  public static @Nullable Condition condition(@Nullable Map<String, ExpectedCondition> expected,
      @Nullable Choice<ConditionalOperator> conditionalOperator) {
    if (conditionalOperator != null && (expected == null || expected.size() < 2)) {
      throw DynamoException.validation(
          "ConditionalOperator can only be used when Filter or Expected has two or more elements");
    }
    if (expected == null || expected.isEmpty()) {
      return null;
    }
    Condition all = null;
    for (Map.Entry<String, ExpectedCondition> entry : expected.entrySet()) {
      Condition one = condition(entry.getKey(), entry.getValue());
      all = all == null ? one : Choice.sent(conditionalOperator, ConditionalOperator.OR)
          ? new Condition.Or(all, one)
          : new Condition.And(all, one);
    }
    return all;
  }

  private static Condition condition(String name, ExpectedCondition e) {
    Operand path = new Operand.PathOperand(Path.of(name));
    if (e.attributeValueList() != null && e.value() != null) {
      throw invalidCondition("Value and AttributeValueList cannot be used together for Attribute: " + name);
    }
    if (e.comparisonOperator() == null) {
      if (e.attributeValueList() != null) {
        throw invalidCondition("AttributeValueList can only be used with a ComparisonOperator for Attribute: " + name);
      }
      boolean exists = e.exists() == null || e.exists();
      if (exists && e.value() == null) {
        throw invalidCondition("Value must be provided when Exists is " + e.exists() + " for Attribute: " + name);
      }
      if (!exists && e.value() != null) {
        throw invalidCondition("Value cannot be used when Exists is false for Attribute: " + name);
      }
      return exists ? new Condition.Comparison(path, Comparator.EQ, new Operand.Literal(Validated.present(e.value())))
          : new Condition.Function(ConditionFunction.ATTRIBUTE_NOT_EXISTS, List.of(path));
    }
    ComparisonOperator operator = e.comparisonOperator().known();
    if (e.exists() != null) {
      throw invalidCondition("Exists and ComparisonOperator cannot be used together for Attribute: " + name);
    }
    List<AttributeValue> arguments = e.attributeValueList() != null ? e.attributeValueList()
        : e.value() != null ? List.of(e.value()) : List.of();
    if (operator != ComparisonOperator.NULL && operator != ComparisonOperator.NOT_NULL && arguments.isEmpty()
        && e.attributeValueList() == null) {
      throw invalidCondition("Value or AttributeValueList must be used with ComparisonOperator: " + operator
          + " for Attribute: " + name);
    }
    checkArgumentCount(operator, arguments.size());
    for (AttributeValue argument : arguments) {
      if (argument.type() != arguments.get(0).type()) {
        throw invalidCondition("AttributeValues inside AttributeValueList must be of same type");
      }
    }
    for (AttributeValue argument : arguments) {
      if (!accepts(operator, argument.type())) {
        throw invalidCondition("ComparisonOperator " + operator + " is not valid for " + argument.type()
            + " AttributeValue type");
      }
    }
    List<Operand> literals = arguments.stream().<Operand>map(Operand.Literal::new).toList();
    return switch (operator) {
      case EQ -> new Condition.Comparison(path, Comparator.EQ, literals.get(0));
      case NE -> new Condition.Comparison(path, Comparator.NE, literals.get(0));
      case LT -> new Condition.Comparison(path, Comparator.LT, literals.get(0));
      case LE -> new Condition.Comparison(path, Comparator.LE, literals.get(0));
      case GT -> new Condition.Comparison(path, Comparator.GT, literals.get(0));
      case GE -> new Condition.Comparison(path, Comparator.GE, literals.get(0));
      case NULL -> new Condition.Function(ConditionFunction.ATTRIBUTE_NOT_EXISTS, List.of(path));
      case NOT_NULL -> new Condition.Function(ConditionFunction.ATTRIBUTE_EXISTS, List.of(path));
      case CONTAINS -> new Condition.Function(ConditionFunction.CONTAINS, List.of(path, literals.get(0)));
      case NOT_CONTAINS -> new Condition.Not(
          new Condition.Function(ConditionFunction.CONTAINS, List.of(path, literals.get(0))));
      case BEGINS_WITH -> new Condition.Function(ConditionFunction.BEGINS_WITH, List.of(path, literals.get(0)));
      case IN -> new Condition.In(path, literals);
      case BETWEEN -> {
        if (Comparisons.isOrderable(arguments.get(0)) && Comparisons.compare(arguments.get(0), arguments.get(1)) > 0) {
          throw DynamoException.validation("The BETWEEN condition was provided a range where the lower bound is"
              + " greater than the upper bound");
        }
        yield new Condition.Between(path, literals.get(0), literals.get(1));
      }
    };
  }

  /**
   * The types of value each operator compares with, as the API reference describes them: EQ and NE take any type;
   * ordering operators, IN and CONTAINS scalars only; BEGINS_WITH strings and binaries.
   */
  private static boolean accepts(ComparisonOperator operator, AttributeType type) {
    return switch (operator) {
      case EQ, NE -> true;
      case LE, LT, GE, GT, BETWEEN, IN, CONTAINS, NOT_CONTAINS -> type.isScalarKeyType();
      case BEGINS_WITH -> type == AttributeType.S || type == AttributeType.B;
      case NULL, NOT_NULL -> false;
    };
  }

  private static void checkArgumentCount(ComparisonOperator operator, int count) {
    boolean valid = switch (operator) {
      case NULL, NOT_NULL -> count == 0;
      case IN -> count > 0;
      case BETWEEN -> count == 2;
      case EQ, NE, LT, LE, GT, GE, CONTAINS, NOT_CONTAINS, BEGINS_WITH -> count == 1;
    };
    if (!valid) {
      throw invalidCondition("Invalid number of argument(s) for the " + operator + " ComparisonOperator");
    }
  }

  /** AttributeUpdates as an update: PUT sets, DELETE removes (or subtracts a set), ADD adds or appends. */
  static Update update(Map<String, AttributeUpdate> updates) {
    List<Update.Action> actions = new ArrayList<>();
    for (Map.Entry<String, AttributeUpdate> entry : updates.entrySet()) {
      Path path = Path.of(entry.getKey());
      AttributeUpdate u = entry.getValue();
      AttributeAction action = Choice.valueOr(u.action(), AttributeAction.PUT);
      AttributeValue value = u.value();
      if (value == null) {
        if (action != AttributeAction.DELETE) {
          throw invalid("Only DELETE action is allowed when no attribute value is specified");
        }
        actions.add(new Update.Remove(path));
        continue;
      }
      actions.add(switch (action) {
        case PUT -> new Update.Set(path, new Operand.Literal(value));
        case DELETE -> {
          if (!value.type().isSet()) {
            throw invalid("DELETE action with value is not supported for the type " + value.type());
          }
          yield new Update.Delete(path, new Operand.Literal(value));
        }
        case ADD -> {
          if (value.type() == AttributeType.L) {
            yield new Update.Set(path, new Operand.ListAppend(
                new Operand.IfNotExists(path, new Operand.Literal(new AttributeValue.L(List.of()))),
                new Operand.Literal(value)));
          }
          if (value.type() != AttributeType.N && !value.type().isSet()) {
            throw invalid("ADD action is not supported for the type " + value.type());
          }
          yield new Update.Add(path, new Operand.Literal(value));
        }
      });
    }
    return new Update(actions);
  }

  private static DynamoException invalid(String detail) {
    return DynamoException.validation(INVALID + detail);
  }

  /** A malformed Expected, filter or key condition: one of the request validation families. */
  private static DynamoException invalidCondition(String detail) {
    return DynamoException.requestValidation(INVALID + detail);
  }
}
