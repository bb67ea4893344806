package io.shaledb.core.keys;

import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.Bytes;
import io.shaledb.core.model.DynamoNumber;
import io.shaledb.core.schema.ScalarType;
import io.shaledb.core.storage.KeyRange;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Encodes item keys so that unsigned byte order is DynamoDB's order (see docs/adr/0002-key-encoding.md):
 *
 * <pre>
 * [keyspace: 4 bytes][murmur3 of the partition key bytes: 4 bytes][partition key: 2-byte length + bytes][sort key]
 * </pre>
 *
 * <p>The partition key bytes are an S's UTF-8, a B's bytes or an N's ordered encoding. The sort key uses the
 * ordered encoding, which is self-delimiting so that more components may follow it (index keys):
 *
 * <ul>
 *   <li>S and B: the bytes with 0x00 escaped as 0x00 0xFF, then the terminator 0x00 0x00; so a prefix sorts first.
 *   <li>N: a sign byte (0x40 negative, 0x80 zero, 0xC0 positive); for non-zero numbers the leading digit's exponent
 *       plus 130 as one byte, then the significant digits as nibbles (digit + 1), ended by a 0 nibble and padded to a
 *       byte with 0. Negative numbers complement the exponent byte and the nibbles (10 - digit, terminator and pad
 *       0xF), which reverses their order.
 * </ul>
 *
 * <p>A global index's key may have several partition and several sort attributes (multi-attribute keys, see
 * docs/adr/0005-multi-attribute-index-keys.md). Its partition bytes are then the ordered encodings of its values in
 * key schema order, one after another (self-delimiting, so distinct tuples never share bytes), hashed together; its
 * sort key is the ordered encodings of its sort values one after another, so byte order is the order of the tuples,
 * each value compared by its type. A key of one attribute each is encoded exactly as a table's key.
 *
 * <p>Persisted in every key: never change it without a data migration.
 */
public final class KeyCodec {
  /** Length of the keyspace prefix of every key. */
  public static final int KEYSPACE_BYTES = 4;
  private static final int HASH_BYTES = 4;

  private static final int NEGATIVE = 0x40;
  private static final int ZERO = 0x80;
  private static final int POSITIVE = 0xC0;
  private static final int EXPONENT_BIAS = -DynamoNumber.MIN_EXPONENT;

  private KeyCodec() {}

  /** The storage key of an item; {@code sortKey} is null for tables without a sort key. */
  public static byte[] itemKey(int keyspace, AttributeValue partitionKey, @Nullable AttributeValue sortKey) {
    ByteWriter out = partitionPrefix(keyspace, partitionBytes(partitionKey), 32);
    if (sortKey != null) {
      writeOrdered(out, sortKey);
    }
    return out.toByteArray();
  }

  /**
   * The key of an index entry: the index's partition and sort key (each of one or more values, in key schema order),
   * then the table's key in the ordered encoding, which keeps entries with equal index keys distinct and in a stable
   * order.
   */
  public static byte[] indexKey(int keyspace, List<AttributeValue> partitionKeys, List<AttributeValue> sortKeys,
      AttributeValue tablePartitionKey, @Nullable AttributeValue tableSortKey) {
    ByteWriter out = partitionPrefix(keyspace, partitionBytes(partitionKeys), 64);
    for (AttributeValue sortKey : sortKeys) {
      writeOrdered(out, sortKey);
    }
    writeOrdered(out, tablePartitionKey);
    if (tableSortKey != null) {
      writeOrdered(out, tableSortKey);
    }
    return out.toByteArray();
  }

  /** The partition-key hash of an item key or index entry key: its four bytes after the keyspace. */
  public static int partitionHash(byte[] key) {
    return ((key[KEYSPACE_BYTES] & 0xff) << 24) | ((key[KEYSPACE_BYTES + 1] & 0xff) << 16)
        | ((key[KEYSPACE_BYTES + 2] & 0xff) << 8) | (key[KEYSPACE_BYTES + 3] & 0xff);
  }

  /**
   * The partition-key hash of a bound of a key range: of the key it begins with, its missing bytes taken as zero (a
   * keyspace's first bound holds no hash, and it begins at hash 0).
   */
  public static int boundHash(byte[] bound) {
    int hash = 0;
    for (int i = 0; i < HASH_BYTES; i++) {
      hash = (hash << 8) | (KEYSPACE_BYTES + i < bound.length ? bound[KEYSPACE_BYTES + i] & 0xff : 0);
    }
    return hash;
  }

  /** Every item of one partition. */
  public static KeyRange partitionRange(int keyspace, AttributeValue partitionKey) {
    return KeyRange.prefix(partitionPrefix(keyspace, partitionBytes(partitionKey), 0).toByteArray());
  }

  /**
   * The items (or index entries) of one partition whose sort key starts with the values {@code sortKeyPrefix} and
   * whose next sort value satisfies {@code last} (every one that starts so when it is null). Relies on the ordered
   * encoding being self-delimiting: every key whose sort values start with given values starts with the same bytes,
   * whatever follows.
   */
  public static KeyRange queryRange(int keyspace, List<AttributeValue> partitionKeys,
      List<AttributeValue> sortKeyPrefix, @Nullable SortKeyCondition last) {
    ByteWriter prefix = partitionPrefix(keyspace, partitionBytes(partitionKeys), 16);
    for (AttributeValue value : sortKeyPrefix) {
      writeOrdered(prefix, value);
    }
    byte[] start = prefix.toByteArray();
    byte[] all = KeyRange.successor(start);
    if (last == null) {
      return new KeyRange(start, all);
    }
    return switch (last) {
      case SortKeyCondition.Equal eq -> new KeyRange(at(start, eq.value()), after(start, eq.value()));
      case SortKeyCondition.Less lt -> new KeyRange(start,
          lt.inclusive() ? after(start, lt.value()) : at(start, lt.value()));
      case SortKeyCondition.Greater gt -> new KeyRange(
          gt.inclusive() ? at(start, gt.value()) : after(start, gt.value()), all);
      case SortKeyCondition.Between b -> new KeyRange(at(start, b.low()), after(start, b.high()));
      case SortKeyCondition.BeginsWith bw -> {
        byte[] raw = bw.prefix() instanceof AttributeValue.S s
            ? s.value().getBytes(StandardCharsets.UTF_8) : ((AttributeValue.B) bw.prefix()).value().toByteArray();
        ByteWriter out = new ByteWriter(start.length + raw.length + 4);
        out.write(start);
        for (byte b : raw) {
          out.write(b);
          if (b == 0) {
            out.write(0xFF);
          }
        }
        byte[] from = out.toByteArray();
        yield new KeyRange(from, KeyRange.successor(from));
      }
    };
  }

  /** The key of the item with sort key {@code value} after {@code prefix}. */
  private static byte[] at(byte[] prefix, AttributeValue value) {
    ByteWriter out = new ByteWriter(prefix.length + 24);
    out.write(prefix);
    writeOrdered(out, value);
    return out.toByteArray();
  }

  /** The smallest key after every key whose next sort value is {@code value}, whatever follows it. */
  private static byte[] after(byte[] prefix, AttributeValue value) {
    return KeyRange.successor(at(prefix, value));
  }

  /** Every key of a keyspace. */
  public static KeyRange keyspaceRange(int keyspace) {
    ByteWriter out = new ByteWriter(KEYSPACE_BYTES);
    out.writeInt(keyspace);
    return KeyRange.prefix(out.toByteArray());
  }

  /**
   * Segment {@code segment} of {@code totalSegments} of a keyspace, for parallel Scan: contiguous ranges of the
   * partition hash, disjoint, together covering the keyspace.
   */
  public static KeyRange segmentRange(int keyspace, int segment, int totalSegments) {
    if (totalSegments < 1 || segment < 0 || segment >= totalSegments) {
      throw new IllegalArgumentException("segment " + segment + " of " + totalSegments);
    }
    long span = 1L << 32;
    byte[] start = hashBound(keyspace, span * segment / totalSegments);
    byte[] end = segment == totalSegments - 1
        ? keyspaceRange(keyspace).end()
        : hashBound(keyspace, span * (segment + 1) / totalSegments);
    return new KeyRange(start, end);
  }

  private static byte[] hashBound(int keyspace, long hash) {
    ByteWriter out = new ByteWriter(KEYSPACE_BYTES + HASH_BYTES);
    out.writeInt(keyspace);
    out.writeInt((int) hash);
    return out.toByteArray();
  }

  private static ByteWriter partitionPrefix(int keyspace, byte[] raw, int extra) {
    ByteWriter out = new ByteWriter(KEYSPACE_BYTES + HASH_BYTES + 2 + raw.length + extra);
    out.writeInt(keyspace);
    out.writeInt(PartitionHash.murmur3(raw, 0, raw.length));
    out.writeShort(raw.length);
    out.write(raw);
    return out;
  }

  /**
   * The bytes a partition is hashed and stored by: for one value its plain bytes (a table's key); for several, their
   * ordered encodings one after another, which no other tuple of the same types shares.
   */
  private static byte[] partitionBytes(List<AttributeValue> partitionKeys) {
    if (partitionKeys.size() == 1) {
      return partitionBytes(partitionKeys.getFirst());
    }
    ByteWriter out = new ByteWriter(32 * partitionKeys.size());
    for (AttributeValue value : partitionKeys) {
      writeOrdered(out, value);
    }
    return out.toByteArray();
  }

  private static byte[] partitionBytes(AttributeValue value) {
    return switch (value) {
      case AttributeValue.S s -> s.value().getBytes(StandardCharsets.UTF_8);
      case AttributeValue.B b -> b.value().toByteArray();
      case AttributeValue.N n -> {
        ByteWriter out = new ByteWriter(24);
        writeNumber(out, n.value());
        yield out.toByteArray();
      }
      default -> throw new IllegalArgumentException("not a key type: " + value.type());
    };
  }

  /** Appends the ordered, self-delimiting encoding of a key value (S, N or B). */
  static void writeOrdered(ByteWriter out, AttributeValue value) {
    switch (value) {
      case AttributeValue.S s -> writeEscaped(out, s.value().getBytes(StandardCharsets.UTF_8));
      case AttributeValue.B b -> writeEscaped(out, b.value().toByteArray());
      case AttributeValue.N n -> writeNumber(out, n.value());
      default -> throw new IllegalArgumentException("not a key type: " + value.type());
    }
  }

  private static void writeEscaped(ByteWriter out, byte[] bytes) {
    for (byte b : bytes) {
      out.write(b);
      if (b == 0) {
        out.write(0xFF);
      }
    }
    out.write(0);
    out.write(0);
  }

  private static void writeNumber(ByteWriter out, DynamoNumber number) {
    int sign = number.signum();
    if (sign == 0) {
      out.write(ZERO);
      return;
    }
    boolean negative = sign < 0;
    out.write(negative ? NEGATIVE : POSITIVE);
    int exponent = number.leadingExponent() + EXPONENT_BIAS;
    out.write(negative ? 0xFF - exponent : exponent);
    String digits = number.digits();
    int terminator = negative ? 0xF : 0;
    int nibbles = digits.length() + 1;
    for (int i = 0; i < nibbles; i += 2) {
      int high = nibble(digits, i, negative, terminator);
      int low = i + 1 < nibbles ? nibble(digits, i + 1, negative, terminator) : terminator;
      out.write(high << 4 | low);
    }
  }

  private static int nibble(String digits, int index, boolean negative, int terminator) {
    if (index == digits.length()) {
      return terminator;
    }
    int digit = digits.charAt(index) - '0';
    return negative ? 10 - digit : digit + 1;
  }

  /** Decodes an ordered value of {@code type} starting at {@code offset}; the inverse of the ordered encoding. */
  public static AttributeValue decodeOrdered(byte[] key, int offset, ScalarType type) {
    ByteReader in = new ByteReader(key, offset);
    return switch (type) {
      case S -> new AttributeValue.S(new String(readEscaped(in), StandardCharsets.UTF_8));
      case B -> new AttributeValue.B(Bytes.wrap(readEscaped(in)));
      case N -> new AttributeValue.N(readNumber(in));
    };
  }

  /** The partition key value of an item key, of {@code type}; the inverse of {@link #itemKey}'s partition part. */
  public static AttributeValue decodePartitionKey(byte[] itemKey, ScalarType type) {
    int start = KEYSPACE_BYTES + HASH_BYTES + 2;
    int end = sortKeyOffset(itemKey);
    return switch (type) {
      case S -> new AttributeValue.S(new String(itemKey, start, end - start, StandardCharsets.UTF_8));
      case B -> new AttributeValue.B(Bytes.wrap(Arrays.copyOfRange(itemKey, start, end)));
      case N -> new AttributeValue.N(readNumber(new ByteReader(itemKey, start)));
    };
  }

  /** Where the sort key starts in an item key. */
  public static int sortKeyOffset(byte[] itemKey) {
    int partitionLength = ((itemKey[KEYSPACE_BYTES + HASH_BYTES] & 0xFF) << 8)
        | (itemKey[KEYSPACE_BYTES + HASH_BYTES + 1] & 0xFF);
    return KEYSPACE_BYTES + HASH_BYTES + 2 + partitionLength;
  }

  private static byte[] readEscaped(ByteReader in) {
    ByteWriter out = new ByteWriter(16);
    while (true) {
      int b = in.read();
      if (b != 0) {
        out.write(b);
      } else if (in.read() == 0xFF) {
        out.write(0);
      } else {
        return out.toByteArray();
      }
    }
  }

  private static DynamoNumber readNumber(ByteReader in) {
    int marker = in.read();
    if (marker == ZERO) {
      return DynamoNumber.ZERO;
    }
    boolean negative = marker == NEGATIVE;
    int exponentByte = in.read();
    int exponent = (negative ? 0xFF - exponentByte : exponentByte) - EXPONENT_BIAS;
    int terminator = negative ? 0xF : 0;
    StringBuilder digits = new StringBuilder();
    while (true) {
      int b = in.read();
      for (int n : new int[] {b >>> 4, b & 0xF}) {
        if (n == terminator) {
          return DynamoNumber.fromParts(negative ? -1 : 1, digits.toString(), exponent);
        }
        digits.append((char) ('0' + (negative ? 10 - n : n - 1)));
      }
    }
  }
}
