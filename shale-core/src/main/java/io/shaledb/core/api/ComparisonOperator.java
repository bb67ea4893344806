package io.shaledb.core.api;

/** ComparisonOperator of the legacy conditions (Expected, KeyConditions, QueryFilter, ScanFilter). */
public enum ComparisonOperator {
  IN,
  NULL,
  BETWEEN,
  LT,
  NOT_CONTAINS,
  EQ,
  GT,
  NOT_NULL,
  NE,
  LE,
  BEGINS_WITH,
  GE,
  CONTAINS
}
