package io.shaledb.core.expr.ast;

import org.jspecify.annotations.Nullable;

/** The functions that are conditions by themselves, with their arity. */
public enum ConditionFunction {
  ATTRIBUTE_EXISTS("attribute_exists", 1),
  ATTRIBUTE_NOT_EXISTS("attribute_not_exists", 1),
  ATTRIBUTE_TYPE("attribute_type", 2),
  BEGINS_WITH("begins_with", 2),
  CONTAINS("contains", 2);

  private final String functionName;
  private final int arity;

  ConditionFunction(String functionName, int arity) {
    this.functionName = functionName;
    this.arity = arity;
  }

  public String functionName() {
    return functionName;
  }

  public int arity() {
    return arity;
  }

  /** True for the functions whose first argument must be a document path, never a value. */
  public boolean requiresPath() {
    return this == ATTRIBUTE_EXISTS || this == ATTRIBUTE_NOT_EXISTS || this == ATTRIBUTE_TYPE;
  }

  /** The function of that name (case-sensitive, as in DynamoDB), or null. */
  public static @Nullable ConditionFunction named(String name) {
    for (ConditionFunction f : values()) {
      if (f.functionName.equals(name)) {
        return f;
      }
    }
    return null;
  }
}
