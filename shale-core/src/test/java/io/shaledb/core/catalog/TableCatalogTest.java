package io.shaledb.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.op.Database;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.memory.MemoryEngine;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two databases on one engine, as two servers of a cluster share one store, each with its own catalog cache. */
class TableCatalogTest {
  private static final Instant AT = Instant.parse("2026-12-05T21:00:00Z");
  private final MemoryEngine engine = new MemoryEngine();
  private final Database one = new Database(engine, Clock.systemUTC(), "us-east-1");
  private final Database other = new Database(engine, Clock.systemUTC(), "us-east-1");

  @Test
  void find_tableCreatedThroughAnotherDatabase_isFoundAtOnce() {
    new TestTables(one).create("fresh", false, false, false);

    assertThat(other.catalog().find("fresh")).isPresent();
    assertThat(other.catalog().list()).extracting(TableMetadata::name).containsExactly("fresh");
  }

  @Test
  void witnessed_recordPutThroughAnotherDatabase_isFoundAtOnceAndIsNoTable() {
    WitnessedTable record = one.catalog().change(change -> {
      WitnessedTable created = new WitnessedTable("strong", change.allocateKeyspaces(1),
          List.of("us-west-2", "eu-west-1"), AT);
      change.putWitnessed(created);
      return created;
    });

    assertThat(other.catalog().witnessed("strong")).contains(record);
    assertThat(record.replicas()).containsExactly("eu-west-1", "us-west-2");
    assertThat(one.catalog().witnessed("strong")).contains(record);
    assertThat(other.catalog().find("strong")).isEmpty();
    assertThat(one.catalog().list()).isEmpty();
  }

  @Test
  void deleteWitnessed_forgetsTheRecordAndDropsItsKeyspace() {
    WitnessedTable record = one.catalog().change(change -> {
      WitnessedTable created = new WitnessedTable("strong", change.allocateKeyspaces(1), List.of("a", "b"), AT);
      change.putWitnessed(created);
      return created;
    });
    Database restarted = new Database(engine, Clock.systemUTC(), "us-east-1");
    assertThat(restarted.catalog().witnessed("strong")).contains(record);

    one.catalog().change(change -> {
      change.deleteWitnessed(change.witnessed("strong").orElseThrow());
      return null;
    });

    assertThat(one.catalog().witnessed("strong")).isEmpty();
    assertThat(other.catalog().witnessed("strong")).isEmpty();
    try (Snapshot snapshot = engine.consistentSnapshot()) {
      assertThat(snapshot.get(SystemKeyspace.dropped(record.keyspace()))).isNotNull();
    }
  }

  @Test
  void witnessedTable_encoding_roundTrips() {
    WitnessedTable record = new WitnessedTable("caf\u00e9", 17, List.of("us-west-2", "ap-south-1"), AT);

    assertThat(WitnessedTable.decode(record.encode())).isEqualTo(record);
  }
}
