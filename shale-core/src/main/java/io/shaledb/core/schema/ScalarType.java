package io.shaledb.core.schema;

import io.shaledb.core.model.AttributeType;
import java.util.List;

/** The types an attribute definition may declare. Persisted by ordinal: never reorder. */
public enum ScalarType {
  S,
  N,
  B;

  /** The order DynamoDB lists the types in its messages. */
  public static final List<ScalarType> LISTED = List.of(B, N, S);

  public AttributeType attributeType() {
    return switch (this) {
      case S -> AttributeType.S;
      case N -> AttributeType.N;
      case B -> AttributeType.B;
    };
  }
}
