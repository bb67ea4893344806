package io.shaledb.core.backup;

import io.shaledb.core.history.TableAtInstant;
import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table as it was at an instant: its current items merged with its point-in-time recovery history
 * ({@link TableAtInstant}), each batch from a fresh snapshot. The answer does not depend on when it is read: a change
 * after the instant records the item's state before it, which is its state at the instant or a later one's
 * before-image, and the first record after the instant never changes once written.
 */
public record PointInTimeSource(StorageEngine storage, int tableKeyspace, int historyKeyspace, long atMillis)
    implements RestoreSource {

  @Override
  public List<SourceItem> read(byte[] from, int limit, long maxBytes) {
    byte[] start = ByteBuffer.allocate(KeyCodec.KEYSPACE_BYTES + from.length).putInt(tableKeyspace).put(from).array();
    List<SourceItem> items = new ArrayList<>(limit);
    try (Snapshot snapshot = storage.snapshot();
        TableAtInstant table = TableAtInstant.open(snapshot, tableKeyspace, historyKeyspace, atMillis, start)) {
      long bytes = 0;
      while (items.size() < limit && bytes < maxBytes && table.next()) {
        byte[] key = table.key();
        byte[] value = table.value();
        bytes += ItemCodec.itemSize(value);
        items.add(new SourceItem(Arrays.copyOfRange(key, KeyCodec.KEYSPACE_BYTES, key.length),
            ItemCodec.decode(value)));
      }
    }
    return items;
  }
}
