package io.shaledb.core.api;

/** ConditionalOperator: how the legacy conditions of a request combine. */
public enum ConditionalOperator {
  AND,
  OR
}
