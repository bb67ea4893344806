package io.shaledb.core.schema;

/** A key attribute: its name and declared type. */
public record KeyAttribute(String name, ScalarType type) {}
