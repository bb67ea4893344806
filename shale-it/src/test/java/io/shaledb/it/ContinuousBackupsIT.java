package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.shaledb.junit.ShaleDbTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsStatus;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsUnavailableException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;

/**
 * Continuous backups say what ShaleDB keeps: on-demand backups (ENABLED, as DynamoDB answers for every table) and no
 * history (point-in-time recovery DISABLED), and turning recovery on is refused rather than promised.
 */
@ShaleDbTest
class ContinuousBackupsIT {
  private final DynamoDbClient client;

  ContinuousBackupsIT(DynamoDbClient client) {
    this.client = client;
  }

  private static void assertRecoveryDisabled(ContinuousBackupsDescription description) {
    assertThat(description.continuousBackupsStatus()).isEqualTo(ContinuousBackupsStatus.ENABLED);
    assertThat(description.pointInTimeRecoveryDescription().pointInTimeRecoveryStatus())
        .isEqualTo(PointInTimeRecoveryStatus.DISABLED);
    assertThat(description.pointInTimeRecoveryDescription().earliestRestorableDateTime()).isNull();
  }

  @Test
  void describeContinuousBackups_anyTable_saysBackupsEnabledAndRecoveryDisabled() {
    String table = Tables.createSimple(client, "pitr");

    assertRecoveryDisabled(client.describeContinuousBackups(r -> r.tableName(table)).continuousBackupsDescription());
  }

  @Test
  void updateContinuousBackups_enablingRecovery_isRefused_andNothingChanges() {
    String table = Tables.createSimple(client, "pitr");

    ContinuousBackupsUnavailableException e = catchThrowableOfType(ContinuousBackupsUnavailableException.class,
        () -> client.updateContinuousBackups(r -> r.tableName(table)
            .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true))));

    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Backups have not yet been enabled for this table.");
    assertRecoveryDisabled(client.describeContinuousBackups(r -> r.tableName(table)).continuousBackupsDescription());
  }

  @Test
  void updateContinuousBackups_disablingRecovery_answersTheDescription() {
    String table = Tables.createSimple(client, "pitr");

    assertRecoveryDisabled(client.updateContinuousBackups(r -> r.tableName(table)
        .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(false))).continuousBackupsDescription());
  }

  @Test
  void describeContinuousBackups_unknownTable_isTableNotFound() {
    TableNotFoundException e = catchThrowableOfType(TableNotFoundException.class,
        () -> client.describeContinuousBackups(r -> r.tableName("no-such-table")));

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
}
