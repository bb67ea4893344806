package io.shaledb.core.op.table;

import static io.shaledb.core.op.TestTables.item;
import static io.shaledb.core.op.TestTables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.maintenance.IndexBuilder;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.MutableClock;
import io.shaledb.core.op.PageItems;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.StoreInvariantsExtension;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.op.read.Query;
import io.shaledb.core.op.read.QueryInput;
import io.shaledb.core.op.read.ReadRequest;
import io.shaledb.core.op.table.CreateTableInput.AttributeDefinition;
import io.shaledb.core.op.table.CreateTableInput.KeySchemaElement;
import io.shaledb.core.op.table.CreateTableInput.SecondaryIndex;
import io.shaledb.core.op.table.CreateTableInput.StreamSpecification;
import io.shaledb.core.op.table.CreateTableInput.Throughput;
import io.shaledb.core.op.table.UpdateTableInput.GlobalIndexUpdate;
import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.IndexMetadata.IndexStatus;
import io.shaledb.core.schema.IndexMetadata.ProjectionType;
import io.shaledb.core.schema.KeyType;
import io.shaledb.core.schema.ProvisionedThroughput;
import io.shaledb.core.schema.ScalarType;
import io.shaledb.core.schema.StreamViewType;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.schema.TableStatus;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.write.ItemConsensus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * UpdateTable against the memory engine on a clock the test moves: capacity, deletion protection, global indexes
 * added online and removed, and streams. Messages as GoldenErrorsIT (tables.txt) checks them, and dynalite's
 * updateTable tests record them.
 */
class UpdateTableTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
  private final Database db = new Database(new MemoryEngine(), clock, "us-east-1");
  @RegisterExtension
  final StoreInvariantsExtension invariants = new StoreInvariantsExtension(db);
  private final TestTables tables = new TestTables(db);
  private final UpdateTable update = new UpdateTable(db);

  UpdateTableTest() {
    tables.create("items", false, false, false);
    tables.put("items", IntStream.range(0, 50).mapToObj(i -> item("i" + i, i % 5 == 0 ? Map.of("h", s("h" + i % 2))
        : Map.of())).toList());
  }

  private static UpdateTableInput capacity(BillingMode mode, Throughput throughput) {
    return new UpdateTableInput("items", mode == null ? null : Choice.of(mode), throughput, null, null, null, null,
        List.of());
  }

  private static UpdateTableInput indexes(List<AttributeDefinition> definitions, GlobalIndexUpdate... updates) {
    return new UpdateTableInput("items", null, null, null, definitions, List.of(updates), null, List.of());
  }

  private static UpdateTableInput stream(StreamSpecification specification) {
    return new UpdateTableInput("items", null, null, null, null, null, specification, List.of());
  }

  private static GlobalIndexUpdate createIndex(String name, String hashKey) {
    return new GlobalIndexUpdate(new SecondaryIndex(name, List.of(new KeySchemaElement(hashKey,
        Choice.of(KeyType.HASH))), Choice.of(ProjectionType.ALL), null, true, null), null, null);
  }

  private TableDescription execute(UpdateTableInput input) {
    return Requests.run(update, input);
  }

  private TableMetadata table() {
    return db.catalog().find("items").orElseThrow();
  }

  @Test
  void update_withNothingToChange_isRefused() {
    assertThatThrownBy(() -> execute(capacity(null, null)))
        .hasMessage("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled,"
            + " GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, MultiAccountReplicaReady,"
            + " ReplicaTransitRoleArn, MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput,"
            + " WarmThroughput or TableClass is required");
  }

  @Test
  void billingMode_switchesToProvisioned_andBack() {
    TableDescription provisioned = execute(capacity(BillingMode.PROVISIONED, new Throughput(5L, 5L)));
    clock.advance(Duration.ofMinutes(1));
    execute(capacity(BillingMode.PAY_PER_REQUEST, null));

    assertThat(provisioned.status()).isEqualTo(TableStatus.UPDATING);
    assertThat(provisioned.table().billingMode()).isEqualTo(BillingMode.PROVISIONED);
    assertThat(provisioned.table().provisionedThroughput().readCapacityUnits()).isEqualTo(5);
    assertThat(table().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    assertThat(table().provisionedThroughput()).isEqualTo(ProvisionedThroughput.ON_DEMAND);
    assertThat(table().lastUpdateToPayPerRequest()).contains(clock.instant());
  }

  @Test
  void throughput_changes_recordIncreasesAndDecreases_andAnUnchangedOneIsRefused() {
    execute(capacity(BillingMode.PROVISIONED, new Throughput(5L, 5L)));
    clock.advance(Duration.ofMinutes(1));
    Instant increased = clock.instant();
    execute(capacity(null, new Throughput(10L, 5L)));
    clock.advance(Duration.ofMinutes(1));
    execute(capacity(null, new Throughput(10L, 1L)));

    ProvisionedThroughput throughput = table().provisionedThroughput();
    assertThat(throughput.lastIncreaseDateTime()).contains(increased);
    assertThat(throughput.lastDecreaseDateTime()).contains(clock.instant());
    assertThat(throughput.numberOfDecreasesToday()).isEqualTo(1);
    assertThatThrownBy(() -> execute(capacity(null, new Throughput(10L, 1L))))
        .hasMessage("The provisioned throughput for the table will not change. The requested value equals the current"
            + " value. Current ReadCapacityUnits provisioned for the table: 10. Requested ReadCapacityUnits: 10."
            + " Current WriteCapacityUnits provisioned for the table: 1. Requested WriteCapacityUnits: 1. Refer to the"
            + " Amazon DynamoDB Developer Guide for current limits and how to request higher limits.");
  }

  @Test
  void throughput_onAPayPerRequestTable_isRefused() {
    assertThatThrownBy(() -> execute(capacity(null, new Throughput(1L, 1L))))
        .hasMessage("One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be"
            + " specified when BillingMode is PAY_PER_REQUEST");
  }

  @Test
  void deletionProtection_isSetAndCleared() {
    execute(new UpdateTableInput("items", null, null, true, null, null, null, List.of()));
    assertThat(table().deletionProtectionEnabled()).isTrue();

    execute(new UpdateTableInput("items", null, null, false, null, null, null, List.of()));
    assertThat(table().deletionProtectionEnabled()).isFalse();
  }

  @Test
  void globalIndex_addedOnline_isCreatingUntilBuilt_thenHoldsTheItemsThatHaveItsKey() {
    execute(indexes(List.of(new AttributeDefinition("h", Choice.of(ScalarType.S))), createIndex("byH", "h")));
    assertThat(table().index("byH").status()).isEqualTo(IndexStatus.CREATING);
    assertThat(table().attributeDefinitions()).extracting(a -> a.name()).containsExactly("id", "h");

    IndexBuilder builder = new IndexBuilder(db);
    for (int pass = 0; pass < 100 && table().index("byH").status() == IndexStatus.CREATING; pass++) {
      builder.runPass();
    }

    assertThat(table().index("byH").status()).isEqualTo(IndexStatus.ACTIVE);
    List<Map<String, AttributeValue>> found = PageItems.attributes(new Query(db, ItemConsensus.NONE).execute(new QueryInput(
        new ReadRequest("items", "byH", null, null, null, null, null, Map.of(":h", s("h0")), null, null, null, null,
            null, null), "h = :h", null, null), Requests.request()).items());
    assertThat(found).extracting(item -> item.get("id")).containsExactlyInAnyOrder(s("i0"), s("i10"), s("i20"),
        s("i30"), s("i40"));
  }

  @Test
  void globalIndex_deleted_leavesTheTable() {
    tables.addGlobalIndex("items", "byG");
    new IndexBuilder(db).runPass();

    TableDescription description = execute(indexes(null,
        new GlobalIndexUpdate(null, new UpdateTableInput.DeleteIndex("byG"), null)));

    assertThat(description.table().indexes()).isEmpty();
    assertThat(table().indexes()).isEmpty();
  }

  @Test
  void globalIndexUpdateErrors() {
    List<AttributeDefinition> h = List.of(new AttributeDefinition("h", Choice.of(ScalarType.S)));
    execute(indexes(h, createIndex("byH", "h")));

    assertThatThrownBy(() -> execute(indexes(h, createIndex("byH", "h"))))
        .hasMessage("One or more parameter values were invalid: Attempting to create an index which already exists");
    assertThatThrownBy(() -> execute(indexes(h, createIndex("one", "h"), createIndex("two", "h"))))
        .hasMessage("Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per"
            + " table");
    assertThatThrownBy(() -> execute(indexes(null,
        new GlobalIndexUpdate(null, new UpdateTableInput.DeleteIndex("nope"), null))))
        .isInstanceOfSatisfying(DynamoException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND))
        .hasMessage("Requested resource not found: Index: nope not found");
    assertThat(table().indexes()).extracting(index -> index.name()).containsExactly("byH");
  }

  @Test
  void stream_enabledThenDisabled_staysReadable_andCannotBeEnabledOrDisabledTwice() {
    TableDescription enabled = execute(stream(new StreamSpecification(true, Choice.of(StreamViewType.NEW_IMAGE))));
    String arn = enabled.latestStream().arn();

    assertThatThrownBy(() -> execute(stream(new StreamSpecification(true, Choice.of(StreamViewType.NEW_IMAGE)))))
        .isInstanceOfSatisfying(DynamoException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION))
        .hasMessageStartingWith("Table already has an enabled stream");
    TableDescription disabled = execute(stream(new StreamSpecification(false, null)));
    assertThat(table().stream()).isNull();
    assertThat(disabled.latestStream().arn()).isEqualTo(arn);
    assertThat(db.catalog().stream(arn).map(descriptor -> descriptor.closed())).isEqualTo(Optional.of(
        clock.instant()));
    assertThatThrownBy(() -> execute(stream(new StreamSpecification(false, null))))
        .isInstanceOfSatisfying(DynamoException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION));
  }

  @Test
  void update_ofATableThatDoesNotExist_isResourceNotFound() {
    assertThatThrownBy(() -> execute(new UpdateTableInput("missing", null, null, true, null, null, null, List.of())))
        .isInstanceOfSatisfying(DynamoException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND))
        .hasMessage("Requested resource not found: Table: missing not found");
  }
}
