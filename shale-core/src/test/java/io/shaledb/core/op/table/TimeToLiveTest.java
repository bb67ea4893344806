package io.shaledb.core.op.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.maintenance.TimeToLiveSweeper;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.MutableClock;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.StoreInvariantsExtension;
import io.shaledb.core.op.item.GetItem;
import io.shaledb.core.op.item.GetItemInput;
import io.shaledb.core.op.item.PutItem;
import io.shaledb.core.op.item.PutItemInput;
import io.shaledb.core.op.table.CreateTableInput.AttributeDefinition;
import io.shaledb.core.op.table.CreateTableInput.KeySchemaElement;
import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.KeyType;
import io.shaledb.core.schema.ScalarType;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.write.ItemConsensus;
import io.shaledb.core.write.WritePipeline;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Time to live on a clock the test moves: transitional states, expiry and what is left alone. */
class TimeToLiveTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
  private final Database db = new Database(new MemoryEngine(), clock, "us-east-1");
  @RegisterExtension
  final StoreInvariantsExtension invariants = new StoreInvariantsExtension(db);
  private final WritePipeline store = new WritePipeline(db);
  private final TimeToLiveSweeper sweeper = new TimeToLiveSweeper(db);

  TimeToLiveTest() {
    new CreateTable(db).execute(new CreateTableInput("sessions", List.of(new AttributeDefinition("id", Choice.of(ScalarType.S))),
        List.of(new KeySchemaElement("id", Choice.of(KeyType.HASH))), Choice.of(BillingMode.PAY_PER_REQUEST), null, null, null, null, null, null,
        List.of()), Requests.request());
  }

  private void put(String id, AttributeValue expiry) {
    new PutItem(db, store).execute(new PutItemInput("sessions", Map.of("id", new AttributeValue.S(id), "exp",
        expiry), null, null, null, null, null, null, null, null, null), Requests.request());
  }

  private boolean exists(String id) {
    return new GetItem(db, ItemConsensus.NONE).execute(new GetItemInput("sessions", Map.of("id", new AttributeValue.S(id)),
        null, null, null, null, null), Requests.request()).item() != null;
  }

  private String status() {
    return new DescribeTimeToLive(db).execute("sessions", Requests.request()).status();
  }

  @Test
  void enabling_isReportedAtOnce_andExpiredItemsGoWithTheNextSweep() {
    long now = clock.instant().getEpochSecond();
    put("past", AttributeValue.N.of(String.valueOf(now - 10)));
    put("future", AttributeValue.N.of(String.valueOf(now + 3600)));
    put("ancient", AttributeValue.N.of(String.valueOf(now - 6L * 365 * 24 * 3600)));
    put("text", new AttributeValue.S("soon"));

    new UpdateTimeToLive(db).execute(new TimeToLiveInput("sessions", true, "exp", true), Requests.request());
    assertThat(status()).isEqualTo("ENABLED");
    assertThat(exists("past")).as("expired but not yet swept items are still returned").isTrue();
    sweeper.runPass();

    assertThat(exists("past")).isFalse();
    assertThat(exists("future")).isTrue();
    assertThat(exists("ancient")).as("more than five years past is ignored, as DynamoDB does").isTrue();
    assertThat(exists("text")).isTrue();
    clock.advance(Duration.ofHours(2));
    sweeper.runPass();
    assertThat(exists("future")).isFalse();
  }

  @Test
  void updateTimeToLive_withinHalfAnHourOfTheLastChange_isRefused_andAllowedAfter() {
    new UpdateTimeToLive(db).execute(new TimeToLiveInput("sessions", true, "exp", true), Requests.request());
    clock.advance(Duration.ofMinutes(29));
    assertThatThrownBy(() -> new UpdateTimeToLive(db).execute(new TimeToLiveInput("sessions", false, "exp", true), Requests.request()))
        .hasMessage("Time to live has been modified multiple times within a fixed interval");
    assertThatThrownBy(() -> new UpdateTimeToLive(db).execute(new TimeToLiveInput("sessions", true, "exp", true), Requests.request()))
        .as("a change that could not apply reports why first").hasMessage("TimeToLive is already enabled");
    clock.advance(Duration.ofMinutes(2));
    new UpdateTimeToLive(db).execute(new TimeToLiveInput("sessions", false, "exp", true), Requests.request());
    assertThat(status()).isEqualTo("DISABLED");
  }
}
