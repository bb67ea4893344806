package io.shaledb.core.schema;

import io.shaledb.core.model.AttributeType;

/** The types an attribute definition may declare. Persisted by ordinal: never reorder. */
public enum ScalarType {
  S,
  N,
  B;

  public AttributeType attributeType() {
    return switch (this) {
      case S -> AttributeType.S;
      case N -> AttributeType.N;
      case B -> AttributeType.B;
    };
  }
}
