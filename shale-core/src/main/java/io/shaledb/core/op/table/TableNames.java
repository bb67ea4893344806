package io.shaledb.core.op.table;

import io.shaledb.core.validate.ConstraintViolations;
import java.util.regex.Pattern;

/** The declared constraints on a table name, shared by every operation that takes one. */
public final class TableNames {
  private static final Pattern PATTERN = Pattern.compile("[a-zA-Z0-9_.-]+");

  private TableNames() {}

  /** A required table name: 3 to 255 characters of {@code [a-zA-Z0-9_.-]}. */
  public static ConstraintViolations check(ConstraintViolations violations, String path, String name) {
    return violations.notNull(path, name).pattern(path, name, PATTERN).length(path, name, 3, 255);
  }
}
