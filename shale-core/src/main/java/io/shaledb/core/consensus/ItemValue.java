package io.shaledb.core.consensus;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * What a write makes of an item: the whole item as the item codec stores it, or its absence (a delete).
 *
 * @param bytes the stored item, or null when the item is absent
 */
public record ItemValue(byte @Nullable [] bytes) {
  public static final ItemValue ABSENT = new ItemValue(null);

  public boolean present() {
    return bytes != null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ItemValue value && Arrays.equals(bytes, value.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return bytes == null ? "absent" : bytes.length + " bytes";
  }
}
