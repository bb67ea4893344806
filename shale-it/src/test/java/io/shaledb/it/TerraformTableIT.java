package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.shaledb.junit.ShaleDbTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Replays the calls the AWS provider for Terraform makes for an {@code aws_dynamodb_table} (hashicorp/
 * terraform-provider-aws, internal/service/dynamodb: table.go's create, read, update and delete, with the waiters of
 * wait.go and status.go and the finders of find.go), and checks each answer holds what the provider reads from it: the
 * statuses it waits for, and the fields its read turns into state (table class from TableClassSummary, STANDARD when
 * absent; server_side_encryption from SSEDescription, disabled when absent; point_in_time_recovery from
 * DescribeContinuousBackups; ttl from DescribeTimeToLive; tags from ListTagsOfResource).
 */
@ShaleDbTest
class TerraformTableIT {
  /** The provider waits minutes for a table or index to become ACTIVE; ShaleDB's take a few passes of its builder. */
  private static final Duration WAIT = Duration.ofMinutes(1);
  private final DynamoDbClient client;

  TerraformTableIT(DynamoDbClient client) {
    this.client = client;
  }

  private TableDescription describe(String table) {
    return client.describeTable(r -> r.tableName(table)).table();
  }

  /** The provider's waiters: DescribeTable until the table, and every index, is what it waits for. */
  private TableDescription waitFor(String table, Predicate<TableDescription> done) throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    TableDescription described = describe(table);
    while (!done.test(described) && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
      described = describe(table);
    }
    return described;
  }

  private static boolean activeWithIndexes(TableDescription table) {
    return table.tableStatus() == TableStatus.ACTIVE && table.globalSecondaryIndexes().stream()
        .allMatch(index -> index.indexStatus() == IndexStatus.ACTIVE);
  }

  /** What the provider's read sets in state, beside the table description itself. */
  private record State(TableDescription table, TableClass tableClass, boolean encrypted, boolean pointInTimeRecovery,
      TimeToLiveStatus ttl, Map<String, String> tags) {}

  private State read(String table) {
    TableDescription described = describe(table);
    PointInTimeRecoveryStatus recovery = client.describeContinuousBackups(r -> r.tableName(table))
        .continuousBackupsDescription().pointInTimeRecoveryDescription().pointInTimeRecoveryStatus();
    TimeToLiveStatus ttl = client.describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription()
        .timeToLiveStatus();
    Map<String, String> tags = client.listTagsOfResource(r -> r.resourceArn(described.tableArn())).tags().stream()
        .collect(Collectors.toMap(Tag::key, Tag::value));
    TableClass tableClass = described.tableClassSummary() == null ? TableClass.STANDARD
        : described.tableClassSummary().tableClass();
    boolean encrypted = described.sseDescription() != null
        && "ENABLED".equals(described.sseDescription().statusAsString());
    return new State(described, tableClass, encrypted, recovery == PointInTimeRecoveryStatus.ENABLED, ttl, tags);
  }

  @Test
  void awsDynamodbTable_createReadUpdateDestroy_getsTheAnswersTheProviderExpects() throws Exception {
    String table = Tables.unique("terraform");

    // Create: one CreateTable with everything the resource block sets, then the waiters, then ttl.
    client.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(Tables.definition("pk", ScalarAttributeType.S),
            Tables.definition("sk", ScalarAttributeType.S), Tables.definition("owner", ScalarAttributeType.S))
        .keySchema(Tables.key("pk", KeyType.HASH), Tables.key("sk", KeyType.RANGE))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-owner")
            .keySchema(Tables.key("owner", KeyType.HASH)).projection(p -> p.projectionType(ProjectionType.ALL))
            .build())
        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES))
        .sseSpecification(s -> s.enabled(false))
        .tableClass(TableClass.STANDARD)
        .deletionProtectionEnabled(true)
        .tags(Tag.builder().key("env").value("dev").build()));
    assertThat(activeWithIndexes(waitFor(table, TerraformTableIT::activeWithIndexes))).isTrue();
    client.updateTimeToLive(r -> r.tableName(table)
        .timeToLiveSpecification(s -> s.enabled(true).attributeName("expires")));

    State created = read(table);
    assertThat(created.table().tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(created.table().billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    assertThat(created.table().globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
        .containsExactly("by-owner");
    assertThat(created.table().streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
    assertThat(created.table().latestStreamArn()).isNotNull();
    assertThat(created.table().deletionProtectionEnabled()).isTrue();
    assertThat(created.tableClass()).isEqualTo(TableClass.STANDARD);
    assertThat(created.encrypted()).isFalse();
    assertThat(created.pointInTimeRecovery()).isFalse();
    assertThat(created.ttl()).isEqualTo(TimeToLiveStatus.ENABLED);
    assertThat(created.tags()).containsExactly(Map.entry("env", "dev"));

    // Update: each changed argument is its own UpdateTable, each followed by the table waiter; tags last.
    client.updateTable(r -> r.tableName(table).tableClass(TableClass.STANDARD_INFREQUENT_ACCESS));
    waitFor(table, TerraformTableIT::activeWithIndexes);
    client.updateTable(r -> r.tableName(table)
        .attributeDefinitions(Tables.definition("kind", ScalarAttributeType.S))
        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("by-kind")
            .keySchema(Tables.key("kind", KeyType.HASH)).projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))
            .build()));
    assertThat(activeWithIndexes(waitFor(table, TerraformTableIT::activeWithIndexes))).isTrue();
    client.updateTable(r -> r.tableName(table).streamSpecification(s -> s.streamEnabled(false)));
    client.updateTable(r -> r.tableName(table).deletionProtectionEnabled(false));
    client.updateContinuousBackups(r -> r.tableName(table)
        .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
    String arn = created.table().tableArn();
    client.tagResource(r -> r.resourceArn(arn).tags(Tag.builder().key("team").value("data").build()));
    client.untagResource(r -> r.resourceArn(arn).tagKeys("env"));

    State updated = read(table);
    assertThat(updated.tableClass()).isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
    assertThat(updated.table().globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
        .containsExactlyInAnyOrder("by-owner", "by-kind");
    assertThat(updated.table().streamSpecification()).isNull();
    assertThat(updated.table().deletionProtectionEnabled()).isFalse();
    assertThat(updated.tags()).containsExactly(Map.entry("team", "data"));
    assertThat(updated.pointInTimeRecovery()).isTrue();

    // Destroy: DeleteTable, then DescribeTable until ResourceNotFoundException.
    client.deleteTable(r -> r.tableName(table));
    assertThat(catchThrowableOfType(ResourceNotFoundException.class, () -> describe(table))).isNotNull();
  }

  /**
   * point_in_time_recovery { enabled = true, recovery_period_in_days = 7 } makes the provider call
   * UpdateContinuousBackups once the table is ACTIVE, then DescribeContinuousBackups until the recovery status is what
   * it asked for (waitPITRUpdated); enabled = false on a later apply turns it off the same way.
   */
  @Test
  void awsDynamodbTable_pointInTimeRecovery_isEnabledAndDisabledAtOnce() {
    String table = Tables.createSimple(client, "terraform-pitr");

    client.updateContinuousBackups(r -> r.tableName(table)
        .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true).recoveryPeriodInDays(7)));
    PointInTimeRecoveryDescription enabled = client.describeContinuousBackups(r -> r.tableName(table))
        .continuousBackupsDescription().pointInTimeRecoveryDescription();
    client.updateContinuousBackups(r -> r.tableName(table)
        .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(false)));

    assertThat(enabled.pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.ENABLED);
    assertThat(enabled.recoveryPeriodInDays()).isEqualTo(7);
    assertThat(read(table).pointInTimeRecovery()).isFalse();
  }
}
