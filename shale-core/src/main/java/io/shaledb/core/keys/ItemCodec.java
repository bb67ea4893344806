package io.shaledb.core.keys;

import io.shaledb.core.model.AttributeType;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.Bytes;
import io.shaledb.core.model.DynamoNumber;
import io.shaledb.core.model.ItemSize;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stored form of an item:
 *
 * <pre>
 * [format version: 1 byte][DynamoDB item size: varint][attribute count: varint]([name][value])*
 * </pre>
 *
 * <p>A name or string is a varint length and UTF-8 bytes; a value is its {@link AttributeType} ordinal then its
 * content: S a string, N its canonical text as a string, B a varint length and bytes, sets and lists a varint count
 * and their elements, M a varint count and name-value pairs, NULL nothing, BOOL one byte. The item size up front
 * lets table statistics be kept without decoding items.
 */
public final class ItemCodec {
  private static final int VERSION = 1;
  /** Cached: {@code values()} copies the array on every call, and decoding looks up a type per attribute. */
  private static final AttributeType[] TYPES = AttributeType.values();

  private ItemCodec() {}

  public static byte[] encode(Map<String, AttributeValue> item) {
    return encode(item, ItemSize.of(item));
  }

  /** Encodes an item whose DynamoDB size the caller already computed. */
  public static byte[] encode(Map<String, AttributeValue> item, long itemSize) {
    ByteWriter out = new ByteWriter((int) Math.min(itemSize + 16 + 4L * item.size(), Integer.MAX_VALUE));
    out.write(VERSION);
    out.writeVarint(itemSize);
    writeMap(out, item);
    return out.toByteArray();
  }

  public static Map<String, AttributeValue> decode(byte[] stored) {
    ByteReader in = new ByteReader(stored, 0);
    checkVersion(in.read());
    in.readVarint();
    return readMap(in);
  }

  /** Walks a stored item for {@code visitor} without decoding it into the model. */
  public static void visit(byte[] stored, StoredItemVisitor visitor) throws IOException {
    ByteReader in = new ByteReader(stored, 0);
    checkVersion(in.read());
    in.readVarint();
    visitMap(in, visitor);
  }

  private static void visitMap(ByteReader in, StoredItemVisitor visitor) throws IOException {
    int count = (int) in.readVarint();
    visitor.beginMap(count);
    for (int i = 0; i < count; i++) {
      int length = (int) in.readVarint();
      visitor.name(in.array(), in.position(), length);
      in.skip(length);
      visitValue(in, visitor);
    }
    visitor.endMap();
  }

  private static void visitValue(ByteReader in, StoredItemVisitor visitor) throws IOException {
    AttributeType type = TYPES[in.read()];
    visitor.beginValue(type);
    switch (type) {
      case S, N -> visitText(in, visitor);
      case B -> visitBinary(in, visitor);
      case SS, NS, BS, L -> {
        int count = (int) in.readVarint();
        visitor.beginArray(count);
        for (int i = 0; i < count; i++) {
          switch (type) {
            case SS, NS -> visitText(in, visitor);
            case BS -> visitBinary(in, visitor);
            default -> visitValue(in, visitor);
          }
        }
        visitor.endArray();
      }
      case M -> visitMap(in, visitor);
      case NULL -> visitor.bool(true);
      case BOOL -> visitor.bool(in.read() != 0);
    }
    visitor.endValue();
  }

  private static void visitText(ByteReader in, StoredItemVisitor visitor) throws IOException {
    int length = (int) in.readVarint();
    visitor.text(in.array(), in.position(), length);
    in.skip(length);
  }

  private static void visitBinary(ByteReader in, StoredItemVisitor visitor) throws IOException {
    int length = (int) in.readVarint();
    visitor.binary(in.array(), in.position(), length);
    in.skip(length);
  }

  /** The DynamoDB size of a stored item, read without decoding it. */
  public static long itemSize(byte[] stored) {
    ByteReader in = new ByteReader(stored, 0);
    checkVersion(in.read());
    return in.readVarint();
  }

  private static void checkVersion(int version) {
    if (version != VERSION) {
      throw new IllegalStateException("unknown item format version " + version);
    }
  }

  private static void writeMap(ByteWriter out, Map<String, AttributeValue> map) {
    out.writeVarint(map.size());
    for (Map.Entry<String, AttributeValue> e : map.entrySet()) {
      writeString(out, e.getKey());
      writeValue(out, e.getValue());
    }
  }

  private static void writeValue(ByteWriter out, AttributeValue value) {
    out.write(value.type().ordinal());
    switch (value) {
      case AttributeValue.S s -> writeString(out, s.value());
      case AttributeValue.N n -> writeString(out, n.value().toString());
      case AttributeValue.B b -> writeBytes(out, b.value());
      case AttributeValue.SS ss -> {
        out.writeVarint(ss.values().size());
        ss.values().forEach(s -> writeString(out, s));
      }
      case AttributeValue.NS ns -> {
        out.writeVarint(ns.values().size());
        ns.values().forEach(n -> writeString(out, n.toString()));
      }
      case AttributeValue.BS bs -> {
        out.writeVarint(bs.values().size());
        bs.values().forEach(b -> writeBytes(out, b));
      }
      case AttributeValue.M m -> writeMap(out, m.values());
      case AttributeValue.L l -> {
        out.writeVarint(l.values().size());
        l.values().forEach(v -> writeValue(out, v));
      }
      case AttributeValue.Null ignored -> { }
      case AttributeValue.Bool bool -> out.write(bool.value() ? 1 : 0);
    }
  }

  private static void writeString(ByteWriter out, String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    out.writeVarint(utf8.length);
    out.write(utf8);
  }

  private static void writeBytes(ByteWriter out, Bytes bytes) {
    out.writeVarint(bytes.length());
    out.write(bytes.toByteArray());
  }

  private static Map<String, AttributeValue> readMap(ByteReader in) {
    int count = (int) in.readVarint();
    Map<String, AttributeValue> map = new LinkedHashMap<>((int) (count / 0.75f) + 1);
    for (int i = 0; i < count; i++) {
      String name = readString(in);
      map.put(name, readValue(in));
    }
    return map;
  }

  private static AttributeValue readValue(ByteReader in) {
    AttributeType type = TYPES[in.read()];
    return switch (type) {
      case S -> new AttributeValue.S(readString(in));
      case N -> new AttributeValue.N(DynamoNumber.ofCanonical(readString(in)));
      case B -> new AttributeValue.B(readBytes(in));
      case SS -> {
        int count = (int) in.readVarint();
        Set<String> values = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
          values.add(readString(in));
        }
        yield new AttributeValue.SS(values);
      }
      case NS -> {
        int count = (int) in.readVarint();
        Set<DynamoNumber> values = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
          values.add(DynamoNumber.ofCanonical(readString(in)));
        }
        yield new AttributeValue.NS(values);
      }
      case BS -> {
        int count = (int) in.readVarint();
        Set<Bytes> values = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
          values.add(readBytes(in));
        }
        yield new AttributeValue.BS(values);
      }
      case M -> new AttributeValue.M(readMap(in));
      case L -> {
        int count = (int) in.readVarint();
        List<AttributeValue> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          values.add(readValue(in));
        }
        yield new AttributeValue.L(values);
      }
      case NULL -> AttributeValue.Null.INSTANCE;
      case BOOL -> AttributeValue.Bool.of(in.read() != 0);
    };
  }

  private static String readString(ByteReader in) {
    return in.readUtf8((int) in.readVarint());
  }

  private static Bytes readBytes(ByteReader in) {
    return Bytes.wrap(in.readBytes((int) in.readVarint()));
  }
}
