package io.shaledb.core.op.item;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.expr.bind.Binder;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.validate.NameCharacters;
import java.util.List;
import java.util.Map;

/**
 * The checks DynamoDB makes on a request's ExpressionAttributeNames and ExpressionAttributeValues before any
 * expression is bound, and the binder that resolves them.
 */
public final class RequestExpressions {
  private RequestExpressions() {}

  /**
   * @param expressions the request's expression texts (absent ones null)
   */
  public static Binder binder(Map<String, String> names, Map<String, AttributeValue> values, List<String> expressions) {
    boolean anyExpression = false;
    for (String expression : expressions) {
      anyExpression |= expression != null;
    }
    if (names != null) {
      if (!anyExpression) {
        throw DynamoException.validation("ExpressionAttributeNames can only be specified when using expressions");
      }
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
      if (!anyExpression) {
        throw DynamoException.validation("ExpressionAttributeValues can only be specified when using expressions");
      }
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

  /** Mixing a legacy parameter with its expression counterpart, in DynamoDB's words. */
  public static void rejectMixed(String legacy, boolean legacyPresent, String expression, boolean expressionPresent) {
    if (legacyPresent && expressionPresent) {
      throw DynamoException.validation("Can not use both expression and non-expression parameters in the same"
          + " request: Non-expression parameters: {" + legacy + "} Expression parameters: {" + expression + "}");
    }
  }
}
