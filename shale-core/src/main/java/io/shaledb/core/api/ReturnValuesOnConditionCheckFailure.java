package io.shaledb.core.api;

/** ReturnValuesOnConditionCheckFailure: whether a failed condition returns the item as it was. */
public enum ReturnValuesOnConditionCheckFailure {
  ALL_OLD,
  NONE
}
