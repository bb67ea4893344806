package io.shaledb.core.op.item;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.expr.bind.Binder;
import io.shaledb.core.model.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checks DynamoDB makes on a request's ExpressionAttributeNames and ExpressionAttributeValues before any
 * expression is bound, and the binder that resolves them.
 */
public final class RequestExpressions {
  private static final Pattern NAME_KEY = Pattern.compile("#[A-Za-z0-9_]+");
  private static final Pattern VALUE_KEY = Pattern.compile(":[A-Za-z0-9_]+");

  private RequestExpressions() {}

  /**
   * @param expressions the request's expression texts (absent ones null)
   */
  public static Binder binder(Map<String, String> names, Map<String, AttributeValue> values, List<String> expressions) {
    boolean anyExpression = expressions.stream().anyMatch(e -> e != null);
    if (names != null) {
      if (!anyExpression) {
        throw DynamoException.validation("ExpressionAttributeNames can only be specified when using expressions");
      }
      if (names.isEmpty()) {
        throw DynamoException.validation("ExpressionAttributeNames must not be empty");
      }
      for (String key : names.keySet()) {
        if (!NAME_KEY.matcher(key).matches()) {
          throw DynamoException.validation(
              "ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + key + "\"");
        }
      }
    }
    if (values != null) {
      if (!anyExpression) {
        throw DynamoException.validation("ExpressionAttributeValues can only be specified when using expressions");
      }
      if (values.isEmpty()) {
        throw DynamoException.validation("ExpressionAttributeValues must not be empty");
      }
      for (String key : values.keySet()) {
        if (!VALUE_KEY.matcher(key).matches()) {
          throw DynamoException.validation(
              "ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + key + "\"");
        }
      }
    }
    return new Binder(names, values);
  }

  /** Mixing a legacy parameter with its expression counterpart, in DynamoDB's words. */
  public static void rejectMixed(String legacy, boolean legacyPresent, String expression, boolean expressionPresent) {
    if (legacyPresent && expressionPresent) {
      throw DynamoException.validation("Can not use both expression and non-expression parameters in the same"
          + " request: Non-expression parameters: {" + legacy + "} Expression parameters: {" + expression + "}");
    }
  }
}
