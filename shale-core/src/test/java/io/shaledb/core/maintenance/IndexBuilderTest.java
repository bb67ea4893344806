package io.shaledb.core.maintenance;

import static io.shaledb.core.op.TestTables.item;
import static io.shaledb.core.op.TestTables.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.background.Service;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.StoreInvariants;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.schema.IndexMetadata.IndexStatus;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.FailingEngine;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.memory.MemoryEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexBuilderTest {
  private final FailingEngine engine = new FailingEngine(new MemoryEngine());
  private final Database db = new Database(engine, Clock.systemUTC(), "us-east-1");
  private final TestTables tables = new TestTables(db);

  @Test
  void build_thatFailsMidway_resumesUnderTheSupervisor_andTheIndexBecomesActiveAndExact() throws Exception {
    tables.create("orders", false, false, false);
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      items.add(item("o" + i, Map.of("g", s("g" + (i % 31)))));
    }
    tables.put("orders", items);
    tables.addGlobalIndex("orders", "byG");
    IndexBuilder builder = new IndexBuilder(db);
    builder.runPass();
    engine.failNextCommits(5);
    db.background().start(Map.of(Service.INDEX_BUILD, builder), Duration.ofHours(1), Duration.ofMillis(1));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (db.catalog().find("orders").orElseThrow().index("byG").status() == IndexStatus.CREATING
        && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    db.close();

    assertThat(db.catalog().find("orders").orElseThrow().index("byG").status()).isEqualTo(IndexStatus.ACTIVE);
    StoreInvariants.check(db);
  }

  @Test
  void percentDone_duringBackfill_isTheShareOfItemsWalkedAndNeverFalls() {
    tables.create("orders", false, false, false);
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      items.add(item("o" + i, Map.of("g", s("g" + (i % 31)))));
    }
    tables.put("orders", items);
    tables.addGlobalIndex("orders", "byG");
    IndexBuilder builder = new IndexBuilder(db);
    assertThat(percentDone("orders")).isZero();

    builder.runPass();

    // One batch of 256 items of 2,000, which lie evenly over the hash range: about 12.8 percent.
    assertThat(percentDone("orders")).isBetween(8.0, 18.0);
    double last = percentDone("orders");
    for (int pass = 0; pass < 20 && db.catalog().find("orders").orElseThrow().index("byG").status()
        == IndexStatus.CREATING; pass++) {
      builder.runPass();
      TableMetadata table = db.catalog().find("orders").orElseThrow();
      if (table.index("byG").status() == IndexStatus.CREATING) {
        assertThat(percentDone("orders")).isGreaterThanOrEqualTo(last);
        last = percentDone("orders");
      }
    }
    assertThat(last).isEqualTo(100.0);
    assertThat(db.catalog().find("orders").orElseThrow().index("byG").status()).isEqualTo(IndexStatus.ACTIVE);
  }

  private double percentDone(String name) {
    TableMetadata table = db.catalog().find(name).orElseThrow();
    try (Snapshot snapshot = db.storage().snapshot()) {
      return IndexBuilder.percentDone(snapshot, table, table.index("byG"));
    }
  }
}
