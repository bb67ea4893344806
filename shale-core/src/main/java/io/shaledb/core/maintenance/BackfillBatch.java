package io.shaledb.core.maintenance;

import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.Bytes;
import io.shaledb.core.op.item.ItemKeys;
import io.shaledb.core.replication.ItemStamps;
import io.shaledb.core.replication.ReplicatedChange;
import io.shaledb.core.replication.ReplicationStamp;
import io.shaledb.core.schema.Replication;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One batch of a replica's backfill, read from one snapshot: the table's keys from a key on, in key order, each live
 * item with its stamp and each deleted one whose stamp is kept (a tombstone) as a deletion. The item and stamp
 * keyspaces are walked side by side (a stamp's key is its item's key in the stamp keyspace). The deletions matter once
 * a table has several replicas: a region that joins late may have been sent an item by one region's backfill before
 * a deletion made in another reached the first, and only the deleting region's tombstone removes it there.
 *
 * @param changes the batch, empty once the walk is done
 * @param next the item key the next batch starts at
 */
record BackfillBatch(List<ReplicatedChange> changes, Bytes next) {

  static BackfillBatch read(Snapshot snapshot, TableMetadata table, Replication replication,
      @Nullable Bytes from, String localRegion, int limit) {
    List<ReplicatedChange> changes = new ArrayList<>();
    byte[] start = from == null ? KeyCodec.keyspaceRange(table.keyspace()).start() : from.toByteArray();
    byte[] last = start;
    try (KvCursor items = snapshot.scan(new KeyRange(start, KeyCodec.keyspaceRange(table.keyspace()).end()), false);
        KvCursor stamps = snapshot.scan(new KeyRange(ItemStamps.key(replication.stampKeyspace(), start),
            KeyCodec.keyspaceRange(replication.stampKeyspace()).end()), false)) {
      boolean item = items.next();
      boolean stamp = stamps.next();
      while (changes.size() < limit && (item || stamp)) {
        int order = !item ? 1 : !stamp ? -1 : Arrays.compareUnsigned(items.key(), KeyCodec.KEYSPACE_BYTES,
            items.key().length, stamps.key(), KeyCodec.KEYSPACE_BYTES, stamps.key().length);
        if (order <= 0) {
          Map<String, AttributeValue> value = ItemCodec.decode(items.value());
          ReplicationStamp itemStamp = order == 0 ? ItemStamps.decode(stamps.value())
              : ItemStamps.implied(replication, localRegion);
          last = items.key();
          changes.add(new ReplicatedChange(ItemKeys.decode(table, last), value, itemStamp, false));
          item = items.next();
          stamp = order == 0 ? stamps.next() : stamp;
        } else {
          last = ItemStamps.itemKey(table.keyspace(), stamps.key());
          changes.add(new ReplicatedChange(ItemKeys.decode(table, last), null, ItemStamps.decode(stamps.value()), false));
          stamp = stamps.next();
        }
      }
    }
    return new BackfillBatch(changes, changes.isEmpty() ? Bytes.wrap(start)
        : Bytes.wrap(Arrays.copyOf(last, last.length + 1)));
  }
}
