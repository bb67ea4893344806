package io.shaledb.core.history;

import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.ItemSize;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What an item was before a change, as its history record keeps it. The value's first byte is its format version:
 *
 * <pre>
 * [1][0]                                     Absent: the change created the item
 * [1][1][stored item]                        Whole: the item as stored before the change ({@code ItemCodec}'s bytes)
 * [2][added: varint count, then (varint length, UTF-8 name) each][ItemCodec's bytes of the replaced values]  Partial
 * ([3][varint length][a version 1 or 2 record])...    the records of one item's changes in one millisecond, in order
 * </pre>
 *
 * <p>A change of an existing item that leaves some of its attributes as they were is kept as a {@link Partial}: the
 * earlier values of the attributes it changed or removed and the names of those it added, the rest being as the
 * change left them. An update of one attribute of a large item then writes a few bytes of history rather than the
 * item again; the item before the change is the item after it with those undone ({@link #before}). Version 1 holds the
 * two kinds every record had before partial ones existed, and reads as it always did.
 *
 * <p>Version 3 is how records are written now: each change appends its record, framed with its length, to the value
 * of its item and millisecond ({@link #appendable}, {@code Transaction.append}), with no read of what is there, and
 * the value reads as the first record followed by the later ones ({@link #followedBy}). Before it, a change read the
 * value and wrote the first record completed by its own (version 1 or 2, which still read as they did).
 */
public sealed interface BeforeImage {
  byte WHOLE_VERSION = 1;
  byte PARTIAL_VERSION = 2;
  byte APPENDED_VERSION = 3;
  byte ABSENT = 0;
  byte PRESENT = 1;

  /** The item did not exist before the change. */
  record Absent() implements BeforeImage {
    @Override
    public byte[] encode() {
      return new byte[] {WHOLE_VERSION, ABSENT};
    }
  }

  /** @param stored the item's stored bytes before the change */
  record Whole(byte[] stored) implements BeforeImage {
    @Override
    public byte[] encode() {
      byte[] value = new byte[stored.length + 2];
      value[0] = WHOLE_VERSION;
      value[1] = PRESENT;
      System.arraycopy(stored, 0, value, 2, stored.length);
      return value;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Whole whole && Arrays.equals(stored, whole.stored);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(stored);
    }

    @Override
    public String toString() {
      return "Whole[" + stored.length + " bytes]";
    }
  }

  /**
   * @param replaced the attributes the change changed or removed, with their values before it
   * @param added the attributes the change added
   */
  record Partial(Map<String, AttributeValue> replaced, Set<String> added) implements BeforeImage {
    public Partial {
      replaced = Map.copyOf(replaced);
      added = Set.copyOf(added);
    }

    /** The item before the change, from the item after it. */
    byte[] undo(byte[] after) {
      Map<String, AttributeValue> item = new LinkedHashMap<>(ItemCodec.decode(after));
      item.putAll(replaced);
      added.forEach(item::remove);
      return ItemCodec.encode(item);
    }

    /** This change followed by {@code next}: this one's record decides every attribute it names, next the others. */
    Partial then(Partial next) {
      Map<String, AttributeValue> bothReplaced = new HashMap<>(next.replaced);
      Set<String> bothAdded = new HashSet<>(next.added);
      bothReplaced.keySet().removeAll(added);
      bothAdded.removeAll(replaced.keySet());
      bothReplaced.putAll(replaced);
      bothAdded.addAll(added);
      return new Partial(bothReplaced, bothAdded);
    }

    @Override
    public byte[] encode() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(PARTIAL_VERSION);
      writeVarint(out, added.size());
      for (String name : added) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        writeVarint(out, utf8.length);
        out.writeBytes(utf8);
      }
      out.writeBytes(ItemCodec.encode(replaced));
      return out.toByteArray();
    }

    static Partial decode(byte[] value) {
      int[] position = {1};
      int count = readVarint(value, position);
      Set<String> added = new HashSet<>();
      for (int i = 0; i < count; i++) {
        int length = readVarint(value, position);
        added.add(new String(value, position[0], length, StandardCharsets.UTF_8));
        position[0] += length;
      }
      return new Partial(ItemCodec.decode(Arrays.copyOfRange(value, position[0], value.length)), added);
    }
  }

  /**
   * What a change from {@code previous} (stored as {@code stored}) to {@code current} replaced: partial when that is
   * smaller than the whole item.
   */
  static BeforeImage of(byte @Nullable [] stored, @Nullable Map<String, AttributeValue> previous,
      @Nullable Map<String, AttributeValue> current) {
    if (stored == null || previous == null) {
      return new Absent();
    }
    if (current == null) {
      return new Whole(stored);
    }
    Map<String, AttributeValue> replaced = new HashMap<>();
    previous.forEach((name, value) -> {
      if (!value.equals(current.get(name))) {
        replaced.put(name, value);
      }
    });
    Set<String> added = new HashSet<>();
    long addedBytes = 0;
    for (String name : current.keySet()) {
      if (!previous.containsKey(name)) {
        added.add(name);
        addedBytes += name.length();
      }
    }
    return ItemSize.of(replaced) + addedBytes < ItemCodec.itemSize(stored) ? new Partial(replaced, added)
        : new Whole(stored);
  }

  /**
   * This record followed by {@code later}, the record of the next change of the same item: what the item was before
   * both. Absent and whole records already say it; a partial one is completed by what the later one replaced.
   */
  default BeforeImage followedBy(BeforeImage later) {
    return switch (this) {
      case Absent absent -> absent;
      case Whole whole -> whole;
      case Partial partial -> switch (later) {
        // The item existed after this change, so the next one cannot have created it.
        case Absent absent -> throw new IllegalStateException("history records an item created while it existed");
        case Whole whole -> new Whole(partial.undo(whole.stored()));
        case Partial next -> partial.then(next);
      };
    };
  }

  /**
   * The item before the change, given the item as the change left it ({@code ItemCodec}'s bytes, or null when it
   * deleted the item).
   *
   * @return the stored bytes of the item before the change, or null when it did not exist
   */
  default byte @Nullable [] before(byte @Nullable [] after) {
    return switch (this) {
      case Absent absent -> null;
      case Whole whole -> whole.stored();
      case Partial partial -> partial.undo(Objects.requireNonNull(after, "a partial record of a deleted item"));
    };
  }

  byte[] encode();

  /** This record framed to be appended to its item's value for its millisecond (version 3). */
  default byte[] appendable() {
    byte[] record = encode();
    ByteArrayOutputStream out = new ByteArrayOutputStream(record.length + 6);
    out.write(APPENDED_VERSION);
    writeVarint(out, record.length);
    out.writeBytes(record);
    return out.toByteArray();
  }

  /** What the item was before the changes a value records: one record, or the records appended to it in order. */
  static BeforeImage decode(byte[] value) {
    if (value.length == 0 || value[0] != APPENDED_VERSION) {
      return decodeRecord(value);
    }
    int[] position = {0};
    BeforeImage changes = nextAppended(value, position);
    while (position[0] < value.length) {
      changes = changes.followedBy(nextAppended(value, position));
    }
    return changes;
  }

  /** Reads the appended record at {@code position[0]} and moves it past. */
  private static BeforeImage nextAppended(byte[] value, int[] position) {
    if (value[position[0]++] != APPENDED_VERSION) {
      throw new IllegalStateException("a history value mixes record formats");
    }
    int length = readVarint(value, position);
    BeforeImage change = decodeRecord(Arrays.copyOfRange(value, position[0], position[0] + length));
    position[0] += length;
    return change;
  }

  private static BeforeImage decodeRecord(byte[] value) {
    if (value.length >= 2 && value[0] == WHOLE_VERSION) {
      return switch (value[1]) {
        case ABSENT -> new Absent();
        case PRESENT -> new Whole(Arrays.copyOfRange(value, 2, value.length));
        default -> throw new IllegalStateException("unknown history record presence " + value[1]);
      };
    }
    if (value.length >= 1 && value[0] == PARTIAL_VERSION) {
      return Partial.decode(value);
    }
    throw new IllegalStateException("unknown history record format " + (value.length == 0 ? -1 : value[0]));
  }

  private static void writeVarint(ByteArrayOutputStream out, int value) {
    int rest = value;
    while ((rest & ~0x7F) != 0) {
      out.write((rest & 0x7F) | 0x80);
      rest >>>= 7;
    }
    out.write(rest);
  }

  /** Reads the varint at {@code position[0]} and moves it past. */
  private static int readVarint(byte[] value, int[] position) {
    int result = 0;
    for (int shift = 0; ; shift += 7) {
      byte next = value[position[0]++];
      result |= (next & 0x7F) << shift;
      if (next >= 0) {
        return result;
      }
    }
  }
}
