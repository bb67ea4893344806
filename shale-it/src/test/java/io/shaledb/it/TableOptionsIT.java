package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.shaledb.junit.ShaleDbTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ReplicaAutoScalingUpdate;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The table settings infrastructure tools set and read back (table class, throughput bounds, encryption by the
 * service's key) and the replica operations on tables that have none.
 */
@ShaleDbTest
class TableOptionsIT {
  private final DynamoDbClient client;

  TableOptionsIT(DynamoDbClient client) {
    this.client = client;
  }

  private TableDescription describe(String table) {
    return client.describeTable(r -> r.tableName(table)).table();
  }

  private String error(Runnable call) {
    DynamoDbException e = catchThrowableOfType(DynamoDbException.class, call::run);
    return e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
  }

  @Test
  void createTable_infrequentAccessClass_isDescribed_andUpdateTableBackToStandardDropsTheSummary() {
    String table = Tables.unique("class");
    TableDescription created = client.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(Tables.definition("id", ScalarAttributeType.S)).keySchema(Tables.key("id", KeyType.HASH))
        .tableClass(TableClass.STANDARD_INFREQUENT_ACCESS)).tableDescription();

    assertThat(created.tableClassSummary().tableClass()).isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
    assertThat(describe(table).tableClassSummary().tableClass()).isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);

    client.updateTable(r -> r.tableName(table).tableClass(TableClass.STANDARD));

    assertThat(describe(table).tableClassSummary()).isNull();
  }

  @Test
  void createTable_unknownTableClass_isAValidationError() {
    assertThat(error(() -> client.createTable(r -> r.tableName(Tables.unique("class"))
        .billingMode(BillingMode.PAY_PER_REQUEST).attributeDefinitions(Tables.definition("id", ScalarAttributeType.S))
        .keySchema(Tables.key("id", KeyType.HASH)).tableClass("COLD"))))
        .isEqualTo("ValidationException: 1 validation error detected: Value 'COLD' at 'tableClass' failed to satisfy"
            + " constraint: Member must satisfy enum value set: [STANDARD, STANDARD_INFREQUENT_ACCESS]");
  }

  @Test
  void onDemandAndWarmThroughput_areStored_andAnUpdateChangesOnlyWhatItNames() {
    String table = Tables.unique("bounds");
    client.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(Tables.definition("id", ScalarAttributeType.S)).keySchema(Tables.key("id", KeyType.HASH))
        .onDemandThroughput(t -> t.maxReadRequestUnits(100L))
        .warmThroughput(w -> w.readUnitsPerSecond(15_000L).writeUnitsPerSecond(5_000L)));

    client.updateTable(r -> r.tableName(table).onDemandThroughput(t -> t.maxWriteRequestUnits(50L)));

    TableDescription described = describe(table);
    assertThat(described.onDemandThroughput().maxReadRequestUnits()).isEqualTo(100L);
    assertThat(described.onDemandThroughput().maxWriteRequestUnits()).isEqualTo(50L);
    assertThat(described.warmThroughput().readUnitsPerSecond()).isEqualTo(15_000L);
    assertThat(described.warmThroughput().writeUnitsPerSecond()).isEqualTo(5_000L);
    assertThat(described.warmThroughput().statusAsString()).isEqualTo("ACTIVE");
  }

  @Test
  void updateTable_encryptionByTheServicesKeyAlone_isAccepted_andDescribedAsDefault() {
    String table = Tables.createSimple(client, "sse");

    TableDescription updated = client.updateTable(r -> r.tableName(table).sseSpecification(s -> s.enabled(false)))
        .tableDescription();

    assertThat(updated.sseDescription()).isNull();
    assertThat(describe(table).sseDescription()).isNull();
  }

  @Test
  void updateTable_withAKmsKey_isRefusedAsNotSupportedYet() {
    String table = Tables.createSimple(client, "sse");

    assertThat(error(() -> client.updateTable(r -> r.tableName(table).sseSpecification(s -> s.enabled(true)))))
        .isEqualTo("ValidationException: ShaleDB does not support SSESpecification yet");
  }

  @Test
  void describeTableReplicaAutoScaling_tableWithoutReplicas_listsNone() {
    String table = Tables.createSimple(client, "replicas");

    var description = client.describeTableReplicaAutoScaling(r -> r.tableName(table)).tableAutoScalingDescription();

    assertThat(description.tableName()).isEqualTo(table);
    assertThat(description.tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(description.replicas()).isEmpty();
  }

  @Test
  void updateTableReplicaAutoScaling_replicaOrScalingChange_isRefused_withNothingAnswersTheDescription() {
    String table = Tables.createSimple(client, "replicas");

    assertThat(error(() -> client.updateTableReplicaAutoScaling(r -> r.tableName(table)
        .replicaUpdates(ReplicaAutoScalingUpdate.builder().regionName("eu-west-1").build()))))
        .isEqualTo("ValidationException: One or more parameter values were invalid: Table " + table
            + " has no replica in region eu-west-1");
    assertThat(error(() -> client.updateTableReplicaAutoScaling(r -> r.tableName(table)
        .provisionedWriteCapacityAutoScalingUpdate(u -> u.minimumUnits(1L).maximumUnits(10L)))))
        .isEqualTo("ValidationException: ShaleDB does not support ProvisionedWriteCapacityAutoScalingUpdate yet");
    assertThat(client.updateTableReplicaAutoScaling(r -> r.tableName(table)).tableAutoScalingDescription()
        .replicas()).isEmpty();
  }

  @Test
  void describeGlobalTable_andItsSettings_areGlobalTableNotFound() {
    String table = Tables.createSimple(client, "global");

    GlobalTableNotFoundException e = catchThrowableOfType(GlobalTableNotFoundException.class,
        () -> client.describeGlobalTable(r -> r.globalTableName(table)));
    GlobalTableNotFoundException settings = catchThrowableOfType(GlobalTableNotFoundException.class,
        () -> client.describeGlobalTableSettings(r -> r.globalTableName(table)));

    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified global table does not exist.");
    assertThat(settings.awsErrorDetails().errorMessage()).isEqualTo("The specified global table does not exist.");
  }
}
