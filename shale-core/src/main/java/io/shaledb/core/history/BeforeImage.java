package io.shaledb.core.history;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The value of a history record: the item as stored before the change ({@code ItemCodec}'s bytes), or nothing when
 * the change created it. Format: a version byte, then a presence byte, then the stored item.
 *
 * @param stored the item's stored bytes before the change, null when it did not exist
 */
public record BeforeImage(byte @Nullable [] stored) {
  private static final byte VERSION = 1;
  private static final byte ABSENT = 0;
  private static final byte PRESENT = 1;

  public byte[] encode() {
    if (stored == null) {
      return new byte[] {VERSION, ABSENT};
    }
    byte[] value = new byte[stored.length + 2];
    value[0] = VERSION;
    value[1] = PRESENT;
    System.arraycopy(stored, 0, value, 2, stored.length);
    return value;
  }

  public static BeforeImage decode(byte[] value) {
    if (value.length < 2 || value[0] != VERSION) {
      throw new IllegalStateException("unknown history record format " + (value.length == 0 ? -1 : value[0]));
    }
    return switch (value[1]) {
      case ABSENT -> new BeforeImage(null);
      case PRESENT -> new BeforeImage(Arrays.copyOfRange(value, 2, value.length));
      default -> throw new IllegalStateException("unknown history record presence " + value[1]);
    };
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BeforeImage image && Arrays.equals(stored, image.stored);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(stored);
  }

  @Override
  public String toString() {
    return stored == null ? "BeforeImage[absent]" : "BeforeImage[" + stored.length + " bytes]";
  }
}
