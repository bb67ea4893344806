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
import io.shaledb.core.storage.FailingEngine;
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
}
