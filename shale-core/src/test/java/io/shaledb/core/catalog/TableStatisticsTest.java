package io.shaledb.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.ItemSize;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.item.DeleteItem;
import io.shaledb.core.op.item.DeleteItemInput;
import io.shaledb.core.op.item.ItemKeys;
import io.shaledb.core.op.item.PutItem;
import io.shaledb.core.op.item.PutItemInput;
import io.shaledb.core.op.table.CreateTable;
import io.shaledb.core.op.table.CreateTableInput;
import io.shaledb.core.op.table.CreateTableInput.AttributeDefinition;
import io.shaledb.core.op.table.CreateTableInput.KeySchemaElement;
import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.KeyType;
import io.shaledb.core.schema.ScalarType;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.Transaction;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.write.WritePipeline;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The statistics counted in the background when a database opens, with writes arriving while they are counted. */
class TableStatisticsTest {
  private static final int STORED = 50_000;
  private static final int CHANGED = 200;

  private final MemoryEngine engine = new MemoryEngine();

  @Test
  void theCountAtOpen_plusTheWritesMadeWhileItRuns_isExact() {
    Map<String, Map<String, AttributeValue>> expected = new HashMap<>();
    try (Database first = new Database(engine, Clock.systemUTC(), "us-east-1")) {
      new CreateTable(first).execute(new CreateTableInput("t", List.of(new AttributeDefinition("id", Choice.of(ScalarType.S))),
          List.of(new KeySchemaElement("id", Choice.of(KeyType.HASH))), Choice.of(BillingMode.PAY_PER_REQUEST), null, null, null, null, null, null,
          List.of()), Requests.request());
      storeDirectly(first.tableForItems("t"), expected);
    }

    try (Database second = new Database(engine, Clock.systemUTC(), "us-east-1")) {
      WritePipeline store = new WritePipeline(second);
      PutItem put = new PutItem(second, store);
      DeleteItem delete = new DeleteItem(second, store);
      for (int i = 0; i < CHANGED; i++) {
        Map<String, AttributeValue> added = item("new" + i, "a");
        put.execute(new PutItemInput("t", added, null, null, null, null, null, null, null, null, null), Requests.request());
        expected.put("new" + i, added);
        Map<String, AttributeValue> grown = item("k" + i, "b".repeat(100));
        put.execute(new PutItemInput("t", grown, null, null, null, null, null, null, null, null, null), Requests.request());
        expected.put("k" + i, grown);
        String gone = "k" + (STORED - 1 - i);
        delete.execute(new DeleteItemInput("t", Map.of("id", new AttributeValue.S(gone)), null, null, null, null,
            null, null, null, null, null), Requests.request());
        expected.remove(gone);
      }

      int keyspace = second.tableForItems("t").keyspace();
      assertThat(second.statistics().itemCount(keyspace)).isEqualTo(expected.size());
      assertThat(second.statistics().sizeBytes(keyspace))
          .isEqualTo(expected.values().stream().mapToLong(ItemSize::of).sum());
    }
  }

  /** Writes the stored items straight to storage, a thousand per commit, which is quicker than through PutItem. */
  private void storeDirectly(TableMetadata table, Map<String, Map<String, AttributeValue>> expected) {
    for (int from = 0; from < STORED; from += 1000) {
      try (Transaction tx = engine.begin()) {
        for (int i = from; i < from + 1000; i++) {
          Map<String, AttributeValue> item = item("k" + i, "x".repeat(i % 50));
          tx.put(ItemKeys.ofItem(table, item), ItemCodec.encode(item));
          expected.put("k" + i, item);
        }
        tx.commit();
      }
    }
  }

  private static Map<String, AttributeValue> item(String id, String payload) {
    return Map.of("id", new AttributeValue.S(id), "payload", new AttributeValue.S(payload));
  }
}
