package io.shaledb.core.api;

/** ReturnValues: which item attributes a write returns. */
public enum ReturnValue {
  NONE,
  ALL_OLD,
  UPDATED_OLD,
  ALL_NEW,
  UPDATED_NEW
}
