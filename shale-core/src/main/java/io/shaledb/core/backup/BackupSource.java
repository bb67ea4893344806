package io.shaledb.core.backup;

import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The items of an AVAILABLE backup, which never change: read from its keyspace. */
public record BackupSource(StorageEngine storage, int keyspace) implements RestoreSource {

  @Override
  public List<SourceItem> read(byte[] from, int limit, long maxBytes) {
    KeyRange all = KeyCodec.keyspaceRange(keyspace);
    byte[] start = ByteBuffer.allocate(KeyCodec.KEYSPACE_BYTES + from.length).putInt(keyspace).put(from).array();
    List<SourceItem> items = new ArrayList<>(limit);
    try (Snapshot snapshot = storage.snapshot();
        KvCursor cursor = snapshot.scan(new KeyRange(start, all.end()), false)) {
      long bytes = 0;
      while (items.size() < limit && bytes < maxBytes && cursor.next()) {
        byte[] key = cursor.key();
        byte[] value = cursor.value();
        bytes += ItemCodec.itemSize(value);
        items.add(new SourceItem(Arrays.copyOfRange(key, KeyCodec.KEYSPACE_BYTES, key.length),
            ItemCodec.decode(value)));
      }
    }
    return items;
  }
}
