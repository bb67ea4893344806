package io.shaledb.core.op.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.catalog.TableCatalog;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.MutableClock;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.StoreInvariantsExtension;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.schema.KinesisDestination;
import io.shaledb.core.schema.KinesisDestination.Precision;
import io.shaledb.core.schema.KinesisDestination.Status;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.core.validate.Choice;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Kinesis destinations against the memory engine: what the catalog keeps through enabling and disabling. */
class EnableKinesisStreamingDestinationTest {
  private static final String STREAM = "arn:aws:kinesis:us-east-1:000000000000:stream/changes";
  private final MemoryEngine engine = new MemoryEngine();
  private final Database db = new Database(engine, new MutableClock(Instant.parse("2026-06-01T00:00:00Z")),
      "us-east-1");
  @RegisterExtension
  final StoreInvariantsExtension invariants = new StoreInvariantsExtension(db);

  EnableKinesisStreamingDestinationTest() {
    new TestTables(db).create("items", false, false, false);
  }

  private KinesisDestinationInput input(Precision precision) {
    return new KinesisDestinationInput("items", STREAM, precision == null ? null : Choice.of(precision));
  }

  @Test
  void enableKinesisStreamingDestination_recordsItAsEnableFailed_neverActive() {
    KinesisDestinationOutput enabled = Requests.run(new EnableKinesisStreamingDestination(db), input(null));

    assertThat(enabled.status()).isEqualTo(Status.ENABLING);
    assertThat(new TableCatalog(engine).find("items").orElseThrow().options().kinesisDestinations())
        .containsExactly(new KinesisDestination(STREAM, Status.ENABLE_FAILED, Precision.MILLISECOND));
  }

  @Test
  void disableThenEnable_keepsOneEntryForTheStream_withTheNewPrecision() {
    Requests.run(new EnableKinesisStreamingDestination(db), input(null));
    Requests.run(new DisableKinesisStreamingDestination(db), input(null));
    assertThat(db.catalog().find("items").orElseThrow().options().kinesisDestinations())
        .containsExactly(new KinesisDestination(STREAM, Status.DISABLED, Precision.MILLISECOND));

    Requests.run(new EnableKinesisStreamingDestination(db), input(Precision.MICROSECOND));

    assertThat(db.catalog().find("items").orElseThrow().options().kinesisDestinations())
        .containsExactly(new KinesisDestination(STREAM, Status.ENABLE_FAILED, Precision.MICROSECOND));
  }
}
