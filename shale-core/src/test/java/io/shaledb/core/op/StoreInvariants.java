package io.shaledb.core.op;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.catalog.SystemKeyspace;
import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.write.IndexEntries;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
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
   * keyspace, and every system key a keyspace owns, belongs to a live table, index or stream, or to a keyspace
   * dropped and not yet cleared.
   */
  public static void check(Database db) {
    try (Snapshot snapshot = db.storage().snapshot()) {
      Set<Integer> owned = new HashSet<>();
      for (TableMetadata table : db.catalog().list()) {
        owned.add(table.keyspace());
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
      try (KvCursor cursor = snapshot.scan(SystemKeyspace.all(SystemKeyspace.Kind.DROPPED), false)) {
        while (cursor.next()) {
          owned.add(SystemKeyspace.owner(cursor.key()));
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
      for (SystemKeyspace.Kind kind : List.of(SystemKeyspace.Kind.ITEM_COLLECTION, SystemKeyspace.Kind.PROGRESS)) {
        try (KvCursor cursor = snapshot.scan(SystemKeyspace.all(kind), false)) {
          while (cursor.next()) {
            assertThat(owned).as("the keyspace of system key %s is live or dropped",
                HexFormat.of().formatHex(cursor.key())).contains(SystemKeyspace.owner(cursor.key()));
          }
        }
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
