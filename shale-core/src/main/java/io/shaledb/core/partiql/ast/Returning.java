package io.shaledb.core.partiql.ast;

/** A write statement's {@code RETURNING} clause; {@link #NONE} when it has none. */
public enum Returning {
  NONE,
  ALL_OLD,
  MODIFIED_OLD,
  ALL_NEW,
  MODIFIED_NEW
}
