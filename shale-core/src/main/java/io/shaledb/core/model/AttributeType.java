package io.shaledb.core.model;

import org.jspecify.annotations.Nullable;

/** The ten attribute types, named by their wire descriptors. Persisted by ordinal: never reorder. */
public enum AttributeType {
  S,
  N,
  B,
  SS,
  NS,
  BS,
  M,
  L,
  NULL,
  BOOL;

  /** The descriptor for a wire name, or {@code null} when the name is not a type. */
  public static @Nullable AttributeType fromWireName(String name) {
    return switch (name) {
      case "S" -> S;
      case "N" -> N;
      case "B" -> B;
      case "SS" -> SS;
      case "NS" -> NS;
      case "BS" -> BS;
      case "M" -> M;
      case "L" -> L;
      case "NULL" -> NULL;
      case "BOOL" -> BOOL;
      default -> null;
    };
  }

  /** The type's full name, as some of DynamoDB's messages spell it (STRING, NUMBER_SET, ...). */
  public String fullName() {
    return switch (this) {
      case S -> "STRING";
      case N -> "NUMBER";
      case B -> "BINARY";
      case SS -> "STRING_SET";
      case NS -> "NUMBER_SET";
      case BS -> "BINARY_SET";
      case M -> "MAP";
      case L -> "LIST";
      case NULL -> "NULL";
      case BOOL -> "BOOLEAN";
    };
  }

  public boolean isSet() {
    return this == SS || this == NS || this == BS;
  }

  /** True for S, N and B: the types a key attribute may have. */
  public boolean isScalarKeyType() {
    return this == S || this == N || this == B;
  }
}
