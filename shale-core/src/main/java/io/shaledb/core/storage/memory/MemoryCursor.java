package io.shaledb.core.storage.memory;

import io.shaledb.core.storage.KvCursor;
import java.util.Iterator;
import org.jspecify.annotations.Nullable;

/** Walks a live range of the ordered index, yielding each key's value as of the reader's sequence. */
final class MemoryCursor implements KvCursor {
  private final Iterator<Slot> slots;
  private final long readSequence;
  // Null before the first and after the last next(): KvCursor reads them only after next() returned true.
  private byte @Nullable [] key;
  private byte @Nullable [] value;

  MemoryCursor(Iterator<Slot> slots, long readSequence) {
    this.slots = slots;
    this.readSequence = readSequence;
  }

  @Override
  public boolean next() {
    while (slots.hasNext()) {
      Slot slot = slots.next();
      Version visible = slot.head.visibleAt(readSequence);
      if (visible != null && visible.value != null) {
        key = slot.key;
        value = visible.value;
        return true;
      }
    }
    key = null;
    value = null;
    return false;
  }

  @Override
  @SuppressWarnings("NullAway") // see the fields
  public byte[] key() {
    return key;
  }

  @Override
  @SuppressWarnings("NullAway") // see the fields
  public byte[] value() {
    return value;
  }

  @Override
  public void close() {}
}
