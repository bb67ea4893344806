package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.validate.ConstraintViolations;

/**
 * The rules on a table name, shared by every operation that takes one. DynamoDB checks presence and length first,
 * each with its own message, and the character pattern among the other declared constraints.
 */
public final class TableNames {
  /** The bounds on the length of a table or index name. */
  public static final int MIN_LENGTH = 3;
  public static final int MAX_LENGTH = 255;

  private TableNames() {}

  /** Presence and length, checked before every other constraint of the request. */
  public static void requirePresentAndLength(String name) {
    if (name == null) {
      throw DynamoException.validation("The parameter 'TableName' is required but was not present in the request");
    }
    if (name.length() < MIN_LENGTH || name.length() > MAX_LENGTH) {
      throw DynamoException.validation("TableName must be at least 3 characters long and at most 255 characters long");
    }
  }

  /** The character pattern, as one of the declared constraints at {@code path}. */
  public static ConstraintViolations pattern(ConstraintViolations violations, String path, String name) {
    return violations.resourceName(path, name);
  }

  /**
   * The character pattern and the length, as declared constraints at {@code path}: how DynamoDB checks a table or
   * index name that is not the request's own TableName member.
   */
  public static ConstraintViolations declared(ConstraintViolations violations, String path, String name) {
    return violations.resourceName(path, name).length(path, name, MIN_LENGTH, MAX_LENGTH);
  }

  /** A table name that is the whole of a request's declared constraints. */
  public static void check(String name) {
    requirePresentAndLength(name);
    pattern(new ConstraintViolations(), "tableName", name).throwIfAny();
  }
}
