package io.shaledb.core.storage.memory;

import io.shaledb.core.storage.KvCursor;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;

/** Walks a live range of the skip list, yielding each key's value as of the reader's sequence. */
final class MemoryCursor implements KvCursor {
  private final Iterator<Map.Entry<byte[], Slot>> entries;
  private final long readSequence;
  private byte[] key;
  private byte[] value;

  MemoryCursor(NavigableMap<byte[], Slot> range, long readSequence) {
    this.entries = range.entrySet().iterator();
    this.readSequence = readSequence;
  }

  @Override
  public boolean next() {
    while (entries.hasNext()) {
      Map.Entry<byte[], Slot> entry = entries.next();
      Version visible = entry.getValue().head.visibleAt(readSequence);
      if (visible != null && visible.value != null) {
        key = entry.getKey();
        value = visible.value;
        return true;
      }
    }
    key = null;
    value = null;
    return false;
  }

  @Override
  public byte[] key() {
    return key;
  }

  @Override
  public byte[] value() {
    return value;
  }

  @Override
  public void close() {}
}
