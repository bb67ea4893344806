package io.shaledb.core.api;

/** The Action of a legacy AttributeUpdates entry. */
public enum AttributeAction {
  ADD,
  PUT,
  DELETE
}
