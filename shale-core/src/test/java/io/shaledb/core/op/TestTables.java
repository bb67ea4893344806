package io.shaledb.core.op;

import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.item.GetItem;
import io.shaledb.core.op.item.GetItemInput;
import io.shaledb.core.op.read.ReadPage;
import io.shaledb.core.op.read.ReadRequest;
import io.shaledb.core.op.read.Scan;
import io.shaledb.core.op.read.ScanInput;
import io.shaledb.core.op.table.CreateTable;
import io.shaledb.core.op.table.CreateTableInput;
import io.shaledb.core.op.table.CreateTableInput.AttributeDefinition;
import io.shaledb.core.op.table.CreateTableInput.KeySchemaElement;
import io.shaledb.core.op.table.CreateTableInput.SecondaryIndex;
import io.shaledb.core.op.table.CreateTableInput.StreamSpecification;
import io.shaledb.core.op.table.CreateTableInput.Tag;
import io.shaledb.core.op.table.DeleteTable;
import io.shaledb.core.op.table.TagResource;
import io.shaledb.core.op.table.TagResourceInput;
import io.shaledb.core.op.table.TimeToLiveInput;
import io.shaledb.core.op.table.UpdateTable;
import io.shaledb.core.op.table.UpdateTableInput;
import io.shaledb.core.op.table.UpdateTableInput.DeleteIndex;
import io.shaledb.core.op.table.UpdateTableInput.GlobalIndexUpdate;
import io.shaledb.core.op.table.UpdateTimeToLive;
import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.IndexMetadata.ProjectionType;
import io.shaledb.core.schema.KeyType;
import io.shaledb.core.schema.ScalarType;
import io.shaledb.core.schema.StreamViewType;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.write.ItemConsensus;
import io.shaledb.core.write.ItemWrite;
import io.shaledb.core.write.WriteCondition;
import io.shaledb.core.write.WritePipeline;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Control-plane calls and bulk item writes for tests of the engine below the wire: tables keyed by a string
 * {@code id}, with optional string attributes {@code g} (global index key), {@code s} (local index sort key) and
 * {@code exp} (expiry).
 */
public final class TestTables {
  private final Database db;
  private final WritePipeline writes;

  public TestTables(Database db) {
    this.db = db;
    this.writes = new WritePipeline(db);
  }

  /** A table keyed by {@code id} (hash) and, with a local index, {@code rk} (range). */
  public TableMetadata create(String name, boolean globalIndex, boolean localIndex, boolean stream) {
    List<AttributeDefinition> definitions = new ArrayList<>(List.of(new AttributeDefinition("id", Choice.of(ScalarType.S))));
    List<KeySchemaElement> keys = new ArrayList<>(List.of(new KeySchemaElement("id", Choice.of(KeyType.HASH))));
    List<SecondaryIndex> locals = null;
    List<SecondaryIndex> globals = null;
    if (localIndex) {
      definitions.add(new AttributeDefinition("rk", Choice.of(ScalarType.S)));
      definitions.add(new AttributeDefinition("s", Choice.of(ScalarType.S)));
      keys.add(new KeySchemaElement("rk", Choice.of(KeyType.RANGE)));
      locals = List.of(new SecondaryIndex("bySort", List.of(new KeySchemaElement("id", Choice.of(KeyType.HASH)),
          new KeySchemaElement("s", Choice.of(KeyType.RANGE))), Choice.of(ProjectionType.ALL), null, true, null));
    }
    if (globalIndex) {
      definitions.add(new AttributeDefinition("g", Choice.of(ScalarType.S)));
      globals = List.of(globalIndex("byG"));
    }
    new CreateTable(db).execute(new CreateTableInput(name, definitions, keys, Choice.of(BillingMode.PAY_PER_REQUEST), null, List.of(),
        null, locals, globals, stream ? new StreamSpecification(true, Choice.of(StreamViewType.NEW_AND_OLD_IMAGES)) : null, List.of()), Requests.request());
    return db.catalog().find(name).orElseThrow();
  }

  private static SecondaryIndex globalIndex(String name) {
    return new SecondaryIndex(name, List.of(new KeySchemaElement("g", Choice.of(KeyType.HASH))), Choice.of(ProjectionType.ALL), null, true, null);
  }

  /** Adds a global index on {@code g} online; the index builder fills it. */
  public void addGlobalIndex(String table, String index) {
    new UpdateTable(db).execute(new UpdateTableInput(table, null, null, null, List.of(new AttributeDefinition("g",
        Choice.of(ScalarType.S))), List.of(new GlobalIndexUpdate(globalIndex(index), null, null)), null, List.of()), Requests.request());
  }

  public void deleteGlobalIndex(String table, String index) {
    new UpdateTable(db).execute(new UpdateTableInput(table, null, null, null, null,
        List.of(new GlobalIndexUpdate(null, new DeleteIndex(index), null)), null, List.of()), Requests.request());
  }

  public void setDeletionProtection(String table, boolean enabled) {
    new UpdateTable(db).execute(new UpdateTableInput(table, null, null, enabled, null, null, null, List.of()), Requests.request());
  }

  public void enableTimeToLive(String table, String attribute) {
    new UpdateTimeToLive(db).execute(new TimeToLiveInput(table, true, attribute, true), Requests.request());
  }

  public void tag(String table, String key, String value) {
    new TagResource(db).execute(new TagResourceInput(db.tableArn(table), List.of(new Tag(key, value))), Requests.request());
  }

  public void delete(String table) {
    new DeleteTable(db).execute(table, Requests.request());
  }

  /** Writes items in a few large transactions, as a bulk load; of items with the same key, the last is kept. */
  public void put(String table, List<Map<String, AttributeValue>> items) {
    TableMetadata metadata = db.catalog().find(table).orElseThrow();
    Map<ByteBuffer, ItemWrite> byKey = new LinkedHashMap<>();
    for (Map<String, AttributeValue> item : items) {
      byte[] key = KeyCodec.itemKey(metadata.keyspace(), item.get("id"), item.get("rk"));
      byKey.put(ByteBuffer.wrap(key), ItemWrite.put(metadata, key, WriteCondition.NONE, item));
    }
    List<ItemWrite> all = new ArrayList<>(byKey.values());
    for (int from = 0; from < all.size(); from += 1000) {
      writes.writeBatch(Requests.request(), all.subList(from, Math.min(all.size(), from + 1000)));
    }
  }

  /** The item under {@code key}, read strongly consistent, or null. */
  public Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
    return PageItems.attributes(new GetItem(db, ItemConsensus.NONE).execute(new GetItemInput(table, key, true, null, null, null, null),
        Requests.request()).item());
  }

  /** Every item of the table, by a strongly consistent Scan, page after page. */
  public List<Map<String, AttributeValue>> scan(String table) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    for (int pages = 0; pages < 1_000; pages++) {
      ReadPage page = new Scan(db, ItemConsensus.NONE).execute(new ScanInput(new ReadRequest(table, null, null, null, null, null, null,
          null, null, true, start, null, null, null), null, null), Requests.request());
      items.addAll(PageItems.attributes(page.items()));
      start = page.lastEvaluatedKey();
      if (start == null) {
        break;
      }
    }
    return items;
  }

  public static AttributeValue s(String value) {
    return new AttributeValue.S(value);
  }

  public static AttributeValue n(long value) {
    return AttributeValue.N.of(String.valueOf(value));
  }

  /** An item of a table without a local index. */
  public static Map<String, AttributeValue> item(String id, Map<String, AttributeValue> attributes) {
    Map<String, AttributeValue> item = new java.util.LinkedHashMap<>(attributes);
    item.put("id", s(id));
    return item;
  }
}
