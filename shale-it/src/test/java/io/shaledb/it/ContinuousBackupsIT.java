package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.shaledb.junit.ShaleDbClock;
import io.shaledb.junit.ShaleDbTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsStatus;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InvalidRestoreTimeException;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryUnavailableException;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableAlreadyExistsException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;

/**
 * Point-in-time recovery through the SDK: UpdateContinuousBackups turns it on and off, DescribeContinuousBackups
 * gives the window a restore can reach, and RestoreTableToPointInTime makes a new table of the source's items at an
 * instant. Messages without a capture of DynamoDB's are the API reference's descriptions of the errors
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_RestoreTableToPointInTime.html, Errors).
 */
@ShaleDbTest
class ContinuousBackupsIT {
  private final DynamoDbClient client;
  private final ShaleDbClock clock;

  ContinuousBackupsIT(DynamoDbClient client, ShaleDbClock clock) {
    this.client = client;
    this.clock = clock;
  }

  private ContinuousBackupsDescription describe(String table) {
    return client.describeContinuousBackups(r -> r.tableName(table)).continuousBackupsDescription();
  }

  private ContinuousBackupsDescription enable(String table) {
    return client.updateContinuousBackups(r -> r.tableName(table)
        .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true))).continuousBackupsDescription();
  }

  private void put(String table, String id, String value) {
    client.putItem(r -> r.tableName(table).item(Map.of("id", AttributeValue.fromS(id), "v",
        AttributeValue.fromS(value))));
  }

  private Map<String, Map<String, AttributeValue>> items(String table) {
    return client.scanPaginator(r -> r.tableName(table).consistentRead(true)).items().stream()
        .collect(Collectors.toMap(item -> item.get("id").s(), item -> item));
  }

  @Test
  void describeContinuousBackups_newTable_saysBackupsEnabledAndRecoveryDisabled() {
    String table = Tables.createSimple(client, "pitr");

    ContinuousBackupsDescription description = describe(table);

    assertThat(description.continuousBackupsStatus()).isEqualTo(ContinuousBackupsStatus.ENABLED);
    assertThat(description.pointInTimeRecoveryDescription().pointInTimeRecoveryStatus())
        .isEqualTo(PointInTimeRecoveryStatus.DISABLED);
    assertThat(description.pointInTimeRecoveryDescription().earliestRestorableDateTime()).isNull();
  }

  @Test
  void updateContinuousBackups_enable_describesTheWindowFromNow() {
    String table = Tables.createSimple(client, "pitr");
    Instant before = clock.now();

    ContinuousBackupsDescription answered = enable(table);
    PointInTimeRecoveryDescription described = describe(table).pointInTimeRecoveryDescription();

    assertThat(answered.continuousBackupsStatus()).isEqualTo(ContinuousBackupsStatus.ENABLED);
    assertThat(described.pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.ENABLED);
    assertThat(described.recoveryPeriodInDays()).isEqualTo(35);
    assertThat(described.earliestRestorableDateTime()).isAfterOrEqualTo(before)
        .isEqualTo(answered.pointInTimeRecoveryDescription().earliestRestorableDateTime());
    assertThat(described.latestRestorableDateTime()).isAfterOrEqualTo(described.earliestRestorableDateTime());
  }

  @Test
  void updateContinuousBackups_recoveryPeriod_isKept() {
    String table = Tables.createSimple(client, "pitr");

    client.updateContinuousBackups(r -> r.tableName(table).pointInTimeRecoverySpecification(
        s -> s.pointInTimeRecoveryEnabled(true).recoveryPeriodInDays(1)));

    assertThat(describe(table).pointInTimeRecoveryDescription().recoveryPeriodInDays()).isEqualTo(1);
  }

  @Test
  void updateContinuousBackups_disable_turnsRecoveryOff() {
    String table = Tables.createSimple(client, "pitr");
    enable(table);

    ContinuousBackupsDescription answered = client.updateContinuousBackups(r -> r.tableName(table)
        .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(false))).continuousBackupsDescription();

    assertThat(answered.pointInTimeRecoveryDescription().pointInTimeRecoveryStatus())
        .isEqualTo(PointInTimeRecoveryStatus.DISABLED);
    assertThat(describe(table).pointInTimeRecoveryDescription().pointInTimeRecoveryStatus())
        .isEqualTo(PointInTimeRecoveryStatus.DISABLED);
  }

  @Test
  void describeContinuousBackups_unknownTable_isTableNotFound() {
    TableNotFoundException e = catchThrowableOfType(TableNotFoundException.class,
        () -> client.describeContinuousBackups(r -> r.tableName("no-such-table")));

    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Table not found: no-such-table");
  }

  @Test
  void updateContinuousBackups_unknownTable_isTableNotFound() {
    TableNotFoundException e = catchThrowableOfType(TableNotFoundException.class,
        () -> client.updateContinuousBackups(r -> r.tableName("no-such-table")
            .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true))));

    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Table not found: no-such-table");
  }

  @Test
  void updateContinuousBackups_recoveryPeriodOver35Days_isAValidationError() {
    String table = Tables.createSimple(client, "pitr");

    DynamoDbException e = catchThrowableOfType(DynamoDbException.class,
        () -> client.updateContinuousBackups(r -> r.tableName(table).pointInTimeRecoverySpecification(
            s -> s.pointInTimeRecoveryEnabled(true).recoveryPeriodInDays(36))));

    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value '36' at"
        + " 'pointInTimeRecoverySpecification.recoveryPeriodInDays' failed to satisfy constraint: Member must have"
        + " value less than or equal to 35");
  }

  @Test
  void updateContinuousBackups_withoutSpecification_isAValidationError() {
    String table = Tables.createSimple(client, "pitr");

    DynamoDbException e = catchThrowableOfType(DynamoDbException.class,
        () -> client.updateContinuousBackups(r -> r.tableName(table)));

    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value null at"
        + " 'pointInTimeRecoverySpecification' failed to satisfy constraint: Member must not be null");
  }

  @Test
  void restoreTableToPointInTime_latestRestorableTime_copiesTheItemsAndIndexes() {
    String source = Tables.createWithGlobalIndex(client, "pitr-source", "by-v", "v", ProjectionType.ALL);
    enable(source);
    put(source, "a", "1");
    put(source, "b", "2");
    client.deleteItem(r -> r.tableName(source).key(Map.of("id", AttributeValue.fromS("b"))));
    put(source, "c", "3");
    String target = Tables.unique("pitr-target");

    TableDescription restored = client.restoreTableToPointInTime(r -> r.sourceTableName(source)
        .targetTableName(target).useLatestRestorableTime(true)).tableDescription();
    Tables.awaitActive(client, target);

    assertThat(restored.tableName()).isEqualTo(target);
    assertThat(items(target)).isEqualTo(items(source));
    assertThat(client.query(r -> r.tableName(target).indexName("by-v").keyConditionExpression("v = :v")
        .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("3")))).items())
        .extracting(item -> item.get("id").s()).containsExactly("c");
    assertThat(describe(target).pointInTimeRecoveryDescription().pointInTimeRecoveryStatus())
        .isEqualTo(PointInTimeRecoveryStatus.DISABLED);
  }

  @Test
  void restoreTableToPointInTime_sourceTableArnAndAnEarlierInstant_restoresThatState() {
    String source = Tables.createSimple(client, "pitr-source");
    enable(source);
    put(source, "a", "1");
    Instant between = clock.advance(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    put(source, "a", "2");
    put(source, "b", "1");
    String arn = client.describeTable(r -> r.tableName(source)).table().tableArn();
    String target = Tables.unique("pitr-target");

    client.restoreTableToPointInTime(r -> r.sourceTableArn(arn).targetTableName(target).restoreDateTime(between));
    Tables.awaitActive(client, target);

    assertThat(items(target)).isEqualTo(Map.of("a", Map.of("id", AttributeValue.fromS("a"),
        "v", AttributeValue.fromS("1"))));
  }

  @Test
  void restoreTableToPointInTime_sourceWithoutRecovery_isPointInTimeRecoveryUnavailable() {
    String source = Tables.createSimple(client, "pitr-source");

    PointInTimeRecoveryUnavailableException e = catchThrowableOfType(PointInTimeRecoveryUnavailableException.class,
        () -> client.restoreTableToPointInTime(r -> r.sourceTableName(source)
            .targetTableName(Tables.unique("pitr-target")).useLatestRestorableTime(true)));

    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("Point in time recovery has not yet been enabled for this source table.");
  }

  @Test
  void restoreTableToPointInTime_beforeRecoveryWasEnabled_isInvalidRestoreTime() {
    String source = Tables.createSimple(client, "pitr-source");
    enable(source);

    InvalidRestoreTimeException e = catchThrowableOfType(InvalidRestoreTimeException.class,
        () -> client.restoreTableToPointInTime(r -> r.sourceTableName(source)
            .targetTableName(Tables.unique("pitr-target")).restoreDateTime(clock.now().minus(Duration.ofDays(1)))));

    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("An invalid restore time was specified."
        + " RestoreDateTime must be between EarliestRestorableDateTime and LatestRestorableDateTime.");
  }

  @Test
  void restoreTableToPointInTime_unknownSource_isTableNotFound() {
    TableNotFoundException e = catchThrowableOfType(TableNotFoundException.class,
        () -> client.restoreTableToPointInTime(r -> r.sourceTableName("no-such-table")
            .targetTableName(Tables.unique("pitr-target")).useLatestRestorableTime(true)));

    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Table not found: no-such-table");
  }

  @Test
  void restoreTableToPointInTime_targetExists_isTableAlreadyExists() {
    String source = Tables.createSimple(client, "pitr-source");
    enable(source);
    String existing = Tables.createSimple(client, "pitr-existing");

    TableAlreadyExistsException e = catchThrowableOfType(TableAlreadyExistsException.class,
        () -> client.restoreTableToPointInTime(r -> r.sourceTableName(source).targetTableName(existing)
            .useLatestRestorableTime(true)));

    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Table already exists: " + existing);
  }
}
