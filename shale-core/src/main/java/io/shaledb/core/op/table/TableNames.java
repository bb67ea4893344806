package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.validate.ConstraintViolations;
import org.jspecify.annotations.Nullable;

/**
 * The rules on a table name, shared by every operation that takes one. They differ by operation, as DynamoDB's do:
 * the control-plane operations on an existing table check presence and length first, each with a message of its
 * own, and the character pattern among the other declared constraints; CreateTable checks presence first and then
 * the name on its own as declared constraints; the item operations check the name as declared constraints, where
 * any non-empty name of at most 255 characters may be given (a shorter one names no table) and an empty one fails
 * only its length.
 */
public final class TableNames {
  /** The bounds on the length of a table or index name. */
  public static final int MIN_LENGTH = 3;
  public static final int MAX_LENGTH = 255;

  private TableNames() {}

  /** Presence and length, checked before every other constraint of the request. */
  public static void requirePresentAndLength(@Nullable String name) {
    String present = requirePresent(name);
    if (present.length() < MIN_LENGTH || present.length() > MAX_LENGTH) {
      throw DynamoException.validation("TableName must be at least 3 characters long and at most 255 characters long");
    }
  }

  /** The TableName of CreateTable: required, then the pattern and length, reported on their own. */
  public static void checkNewTable(@Nullable String name) {
    requirePresent(name);
    declared(new ConstraintViolations(), "tableName", name).throwIfAny();
  }

  /** The TableName of an item operation, as declared constraints. */
  public static ConstraintViolations ofItemOperation(ConstraintViolations violations, @Nullable String name) {
    violations.notNull("tableName", name);
    if (name != null && !name.isEmpty()) {
      violations.resourceName("tableName", name);
    }
    return violations.length("tableName", name, 1, MAX_LENGTH);
  }

  private static String requirePresent(@Nullable String name) {
    if (name == null) {
      throw DynamoException.validation("The parameter 'TableName' is required but was not present in the request");
    }
    return name;
  }

  /** The character pattern, as one of the declared constraints at {@code path}. */
  public static ConstraintViolations pattern(ConstraintViolations violations, String path, @Nullable String name) {
    return violations.resourceName(path, name);
  }

  /**
   * The character pattern and the length, as declared constraints at {@code path}: how DynamoDB checks a table or
   * index name that is not the request's own TableName member.
   */
  public static ConstraintViolations declared(ConstraintViolations violations, String path, @Nullable String name) {
    return violations.resourceName(path, name).length(path, name, MIN_LENGTH, MAX_LENGTH);
  }

  /** A table name that is the whole of a request's declared constraints. */
  public static void check(@Nullable String name) {
    requirePresentAndLength(name);
    pattern(new ConstraintViolations(), "tableName", name).throwIfAny();
  }
}
