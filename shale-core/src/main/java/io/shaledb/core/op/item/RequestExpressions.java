package io.shaledb.core.op.item;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.expr.bind.Binder;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.validate.NameCharacters;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The checks DynamoDB makes on a request's expression parameters before any expression is parsed: that expressions
 * and their legacy counterparts are not mixed, that ExpressionAttributeNames and ExpressionAttributeValues come with
 * expressions that can use them and hold well-formed keys; and the binder that resolves them. The order of the checks
 * and the members each operation lists are DynamoDB's, as dynalite recorded them from the service.
 */
public final class RequestExpressions {
  private static final String PROJECTION = "ProjectionExpression";

  private RequestExpressions() {}

  /** One request member, by its API name, and whether the request sent it. */
  public record Parameter(String name, boolean present) {
    public static Parameter of(String name, @Nullable Object value) {
      return new Parameter(name, value != null);
    }
  }

  /**
   * The first checks of a request with expressions: expressions beside legacy parameters are refused, listing
   * both in the operation's order, and names or values without an expression that can use them.
   *
   * @param expressions the operation's expression members, in DynamoDB's order
   * @param legacy the operation's legacy members, in DynamoDB's order
   */
  public static void checkParameters(List<Parameter> expressions, List<Parameter> legacy,
      @Nullable Map<String, String> names, @Nullable Map<String, AttributeValue> values) {
    // Every request passes these checks and nearly every one passes them all: plain loops over the members, and the
    // lists that name them built only for a message.
    boolean anyExpression = anySent(expressions);
    if (anyExpression && anySent(legacy)) {
      throw DynamoException.requestValidation("Can not use both expression and non-expression parameters in the same"
          + " request: Non-expression parameters: {" + String.join(", ", sent(legacy)) + "} Expression parameters: {"
          + String.join(", ", sent(expressions)) + "}");
    }
    if (names != null && !anyExpression) {
      throw DynamoException.requestValidation("ExpressionAttributeNames can only be specified when using expressions");
    }
    if (values != null && !anyValueExpressionSent(expressions)) {
      List<String> valueExpressions = expressions.stream().map(Parameter::name).filter(n -> !n.equals(PROJECTION))
          .toList();
      if (!valueExpressions.isEmpty()) {
        String refused = "ExpressionAttributeValues can only be specified when using expressions";
        // Inside the envelope the service does not name the expressions that are null.
        throw DynamoException.requestValidation(refused + ": " + String.join(" and ", valueExpressions)
            + (valueExpressions.size() > 1 ? " are" : " is") + " null", refused);
      }
    }
  }

  private static boolean anySent(List<Parameter> parameters) {
    for (Parameter parameter : parameters) {
      if (parameter.present()) {
        return true;
      }
    }
    return false;
  }

  /** Whether an expression that can use ExpressionAttributeValues was sent: any but a ProjectionExpression. */
  private static boolean anyValueExpressionSent(List<Parameter> expressions) {
    for (Parameter expression : expressions) {
      if (expression.present() && !expression.name().equals(PROJECTION)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> sent(List<Parameter> parameters) {
    return parameters.stream().filter(Parameter::present).map(Parameter::name).toList();
  }

  /** The binder of a request's expressions, once its names and values are known to be well formed. */
  public static Binder binder(@Nullable Map<String, String> names, @Nullable Map<String, AttributeValue> values) {
    if (names != null) {
      if (names.isEmpty()) {
        throw DynamoException.validation("ExpressionAttributeNames must not be empty");
      }
      for (String key : names.keySet()) {
        if (!isKey(key, '#')) {
          throw DynamoException.validation(
              "ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + key + "\"");
        }
      }
    }
    if (values != null) {
      if (values.isEmpty()) {
        throw DynamoException.validation("ExpressionAttributeValues must not be empty");
      }
      for (String key : values.keySet()) {
        if (!isKey(key, ':')) {
          throw DynamoException.validation(
              "ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + key + "\"");
        }
      }
    }
    return new Binder(names, values);
  }

  /** {@code #[A-Za-z0-9_]+} or {@code :[A-Za-z0-9_]+}: checked per key of every request, so without a matcher. */
  private static boolean isKey(String key, char prefix) {
    if (key.length() < 2 || key.charAt(0) != prefix) {
      return false;
    }
    for (int i = 1; i < key.length(); i++) {
      if (!NameCharacters.isWord(key.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
