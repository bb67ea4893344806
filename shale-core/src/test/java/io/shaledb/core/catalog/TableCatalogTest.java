package io.shaledb.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.op.Database;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.memory.MemoryEngine;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Two databases on one engine, as two servers of a cluster share one store, each with its own catalog cache. */
class TableCatalogTest {
  private final MemoryEngine engine = new MemoryEngine();
  private final Database one = new Database(engine, Clock.systemUTC(), "us-east-1");
  private final Database other = new Database(engine, Clock.systemUTC(), "us-east-1");

  @Test
  void find_tableCreatedThroughAnotherDatabase_isFoundAtOnce() {
    new TestTables(one).create("fresh", false, false, false);

    assertThat(other.catalog().find("fresh")).isPresent();
    assertThat(other.catalog().list()).extracting(TableMetadata::name).containsExactly("fresh");
  }
}
