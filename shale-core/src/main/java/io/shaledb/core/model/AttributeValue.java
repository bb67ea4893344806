package io.shaledb.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A DynamoDB attribute value. Members are immutable; collections are copied on construction.
 *
 * <p>Switches over this type have no {@code default}, so a new member is a compile error everywhere it matters.
 */
public sealed interface AttributeValue
    permits AttributeValue.S,
        AttributeValue.N,
        AttributeValue.B,
        AttributeValue.SS,
        AttributeValue.NS,
        AttributeValue.BS,
        AttributeValue.M,
        AttributeValue.L,
        AttributeValue.Null,
        AttributeValue.Bool {

  /** The type's descriptor as the wire names it: S, N, B, SS, NS, BS, M, L, NULL or BOOL. */
  AttributeType type();

  record S(String value) implements AttributeValue {
    @Override
    public AttributeType type() {
      return AttributeType.S;
    }
  }

  record N(DynamoNumber value) implements AttributeValue {
    public static N of(String text) {
      return new N(DynamoNumber.parse(text));
    }

    @Override

    public AttributeType type() {
      return AttributeType.N;
    }
  }

  record B(Bytes value) implements AttributeValue {
    @Override
    public AttributeType type() {
      return AttributeType.B;
    }
  }

  /** A string set: non-empty and duplicate-free is checked where values enter (decode, update results). */
  record SS(Set<String> values) implements AttributeValue {
    public SS {
      values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    @Override

    public AttributeType type() {
      return AttributeType.SS;
    }
  }

  record NS(Set<DynamoNumber> values) implements AttributeValue {
    public NS {
      values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    @Override

    public AttributeType type() {
      return AttributeType.NS;
    }
  }

  record BS(Set<Bytes> values) implements AttributeValue {
    public BS {
      values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    @Override

    public AttributeType type() {
      return AttributeType.BS;
    }
  }

  record M(Map<String, AttributeValue> values) implements AttributeValue {
    public M {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    @Override

    public AttributeType type() {
      return AttributeType.M;
    }
  }

  record L(List<AttributeValue> values) implements AttributeValue {
    public L {
      values = List.copyOf(values);
    }

    @Override

    public AttributeType type() {
      return AttributeType.L;
    }
  }

  record Null() implements AttributeValue {
    public static final Null INSTANCE = new Null();

    @Override

    public AttributeType type() {
      return AttributeType.NULL;
    }
  }

  record Bool(boolean value) implements AttributeValue {
    public static final Bool TRUE = new Bool(true);
    public static final Bool FALSE = new Bool(false);

    public static Bool of(boolean value) {
      return value ? TRUE : FALSE;
    }

    @Override

    public AttributeType type() {
      return AttributeType.BOOL;
    }
  }
}
