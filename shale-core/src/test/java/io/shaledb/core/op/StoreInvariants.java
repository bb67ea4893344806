package io.shaledb.core.op;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.backup.Backups;
import io.shaledb.core.catalog.SystemKeyspace;
import io.shaledb.core.catalog.WitnessedTable;
import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.Versionstamps;
import io.shaledb.core.stream.StreamDescriptor;
import io.shaledb.core.stream.StreamLog;
import io.shaledb.core.write.IndexEntries;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Checks a database's storage against what its catalog says it should hold. */
public final class StoreInvariants {
  private StoreInvariants() {}

  /** Every key and value of a range, in hex, in key order. */
  public static Map<String, String> contents(Snapshot snapshot, KeyRange range) {
    Map<String, String> contents = new TreeMap<>();
    try (KvCursor cursor = snapshot.scan(range, false)) {
      while (cursor.next()) {
        contents.put(HexFormat.of().formatHex(cursor.key()), HexFormat.of().formatHex(cursor.value()));
      }
    }
    return contents;
  }

  /**
   * Every ACTIVE index holds exactly the entries computed from its table's items; every key outside the system
   * keyspace, and every system key a keyspace owns, belongs to a live table, index, stream or history, or to a keyspace
   * dropped and not yet cleared, or to a backup; every stream is consistent with its shards (see
   * {@link #checkStream}).
   */
  public static void check(Database db) {
    try (Snapshot snapshot = db.storage().snapshot()) {
      long nextVersionstamp = db.storage().nextVersionstamp();
      for (StreamDescriptor stream : db.catalog().streams()) {
        checkStream(snapshot, stream, nextVersionstamp);
      }
      Set<Integer> owned = new HashSet<>();
      for (TableMetadata table : db.catalog().list()) {
        owned.add(table.keyspace());
        table.options().pointInTimeRecovery().ifPresent(recovery -> owned.add(recovery.historyKeyspace()));
        for (IndexMetadata index : table.indexes()) {
          owned.add(index.keyspace());
          if (index.status() == IndexMetadata.IndexStatus.ACTIVE) {
            assertThat(contents(snapshot, KeyCodec.keyspaceRange(index.keyspace())))
                .as("index %s of %s equals the index computed from its table", index.name(), table.name())
                .isEqualTo(expectedIndex(snapshot, table, index));
          }
        }
      }
      db.catalog().streams().forEach(stream -> owned.add(stream.keyspace()));
      Backups.all(snapshot).forEach(backup -> owned.add(backup.keyspace()));
      try (KvCursor cursor = snapshot.scan(SystemKeyspace.all(SystemKeyspace.Kind.DROPPED), false)) {
        while (cursor.next()) {
          owned.add(SystemKeyspace.owner(cursor.key()));
        }
      }
      try (KvCursor cursor = snapshot.scan(SystemKeyspace.all(SystemKeyspace.Kind.WITNESSED_TABLE), false)) {
        while (cursor.next()) {
          owned.add(WitnessedTable.decode(cursor.value()).keyspace());
        }
      }
      try (KvCursor cursor = snapshot.scan(new KeyRange(KeyCodec.keyspaceRange(1).start(),
          new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}), false)) {
        while (cursor.next()) {
          int keyspace = ByteBuffer.wrap(cursor.key(), 0, 4).getInt();
          assertThat(owned).as("keyspace %d of key %s belongs to something live or dropped", keyspace,
              HexFormat.of().formatHex(cursor.key())).contains(keyspace);
        }
      }
      for (SystemKeyspace.Kind kind : List.of(SystemKeyspace.Kind.ITEM_COLLECTION, SystemKeyspace.Kind.PROGRESS,
          SystemKeyspace.Kind.RESTORE, SystemKeyspace.Kind.PAXOS)) {
        try (KvCursor cursor = snapshot.scan(SystemKeyspace.all(kind), false)) {
          while (cursor.next()) {
            assertThat(owned).as("the keyspace of system key %s is live or dropped",
                HexFormat.of().formatHex(cursor.key())).contains(SystemKeyspace.owner(cursor.key()));
          }
        }
      }
    }
  }

  /**
   * A stream's shards follow each other without gap from sequence number 0, each the parent of the next, and none
   * starts past the watermark (the next versionstamp, below which every commit is complete); its records are keys of
   * the stream's keyspace and an 8-byte sequence number, strictly increasing, at or above the trim point, below the
   * watermark and inside a shard, and each holds the table's key attributes and the images its view type asks for.
   *
   * @param nextVersionstamp read after the snapshot was taken, so no record the snapshot holds is at or above it
   */
  private static void checkStream(Snapshot snapshot, StreamDescriptor stream, long nextVersionstamp) {
    List<StreamDescriptor.Shard> shards = stream.shards();
    assertThat(shards.getFirst().start()).as("first shard of %s", stream.arn()).isZero();
    for (int i = 0; i < shards.size(); i++) {
      StreamDescriptor.Shard shard = shards.get(i);
      assertThat(shard.start()).as("start of %s", shard).isLessThanOrEqualTo(nextVersionstamp);
      if (i > 0) {
        assertThat(shard.start()).as("start of %s", shard).isEqualTo(shards.get(i - 1).end());
        assertThat(shard.parentShardId()).as("parent of %s", shard).isEqualTo(shards.get(i - 1).shardId());
      }
      if (i < shards.size() - 1) {
        assertThat(shard.isOpen()).as("only the last shard is open: %s", shard).isFalse();
      }
    }
    Set<String> keyNames = stream.rangeKey() == null ? Set.of(stream.hashKey())
        : Set.of(stream.hashKey(), stream.rangeKey());
    long previous = -1;
    try (KvCursor cursor = snapshot.scan(StreamLog.range(stream.keyspace()), false)) {
      while (cursor.next()) {
        assertThat(cursor.key()).as("record key of %s", stream.arn())
            .hasSize(KeyCodec.KEYSPACE_BYTES + Versionstamps.BYTES);
        long sequence = StreamLog.sequenceOf(cursor.key());
        String record = "record " + sequence + " of " + stream.arn();
        assertThat(sequence).as(record).isGreaterThan(previous).isGreaterThanOrEqualTo(stream.trimmedBefore())
            .isLessThan(nextVersionstamp);
        assertThat(shards).as(record + " lies in a shard")
            .anyMatch(shard -> shard.start() <= sequence && sequence < shard.end());
        Map<String, AttributeValue> fields = ItemCodec.decode(cursor.value());
        String event = ((AttributeValue.S) fields.get("event")).value();
        assertThat(event).as(record).isIn("INSERT", "MODIFY", "REMOVE");
        assertThat(((AttributeValue.M) fields.get("keys")).values().keySet()).as(record).isEqualTo(keyNames);
        assertThat(fields.containsKey("new")).as(record + " has a new image")
            .isEqualTo(stream.viewType().hasNewImage() && !event.equals("REMOVE"));
        assertThat(fields.containsKey("old")).as(record + " has an old image")
            .isEqualTo(stream.viewType().hasOldImage() && !event.equals("INSERT"));
        previous = sequence;
      }
    }
  }

  private static Map<String, String> expectedIndex(Snapshot snapshot, TableMetadata table, IndexMetadata index) {
    Map<String, String> expected = new TreeMap<>();
    try (KvCursor cursor = snapshot.scan(KeyCodec.keyspaceRange(table.keyspace()), false)) {
      while (cursor.next()) {
        Map<String, AttributeValue> item = ItemCodec.decode(cursor.value());
        byte[] key = IndexEntries.indexable(index, item) ? IndexEntries.key(table, index, item) : null;
        if (key != null) {
          expected.put(HexFormat.of().formatHex(key),
              HexFormat.of().formatHex(ItemCodec.encode(IndexEntries.project(table, index, item))));
        }
      }
    }
    return expected;
  }
}
