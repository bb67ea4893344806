package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.op.MutableClock;
import io.shaledb.server.ServerConfig;
import io.shaledb.server.ShaleDbServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricType;
import software.amazon.awssdk.services.applicationautoscaling.model.ObjectNotFoundException;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingActivity;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.applicationautoscaling.model.ValidationException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * DynamoDB auto scaling through the SDK's application-autoscaling client on the DynamoDB endpoint, on a server whose
 * clock the test moves: a sustained load raises the provisioned capacity, and quiet minutes lower it again.
 * Consumption is counted whether or not the server throttles (it does not, here). The scaler is a background service
 * that passes every second of real time; the test waits for its outcome within a bound, never for time to pass.
 */
class AutoScalingIT {
  /** 40 KB: ten read units, strongly consistent. */
  private static final String TEN_UNITS = "x".repeat(40 * 1024 - 100);
  private static final Duration SCALER_BOUND = Duration.ofSeconds(30);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:30Z"));
  private final ShaleDbServer server;
  private final DynamoDbClient dynamo;
  private final ApplicationAutoScalingClient scaling;

  AutoScalingIT() throws InterruptedException {
    server = ShaleDbServer.start(ServerConfig.inMemoryOnRandomPort().withClock(clock));
    StaticCredentialsProvider credentials =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret"));
    dynamo = DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.builder().build()).build();
    scaling = ApplicationAutoScalingClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.builder().build()).build();
  }

  @AfterEach
  void stop() {
    scaling.close();
    dynamo.close();
    server.close();
  }

  private String provisionedTable(long read, long write) {
    String name = Tables.unique("scaled");
    dynamo.createTable(r -> r.tableName(name).billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(t -> t.readCapacityUnits(read).writeCapacityUnits(write))
        .attributeDefinitions(Tables.definition("id", ScalarAttributeType.S),
            Tables.definition("g", ScalarAttributeType.S))
        .keySchema(Tables.key("id", KeyType.HASH))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG")
            .keySchema(Tables.key("g", KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
            .provisionedThroughput(t -> t.readCapacityUnits(read).writeCapacityUnits(write)).build()));
    return name;
  }

  private void register(String resourceId, ScalableDimension dimension, int min, int max) {
    scaling.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB).resourceId(resourceId)
        .scalableDimension(dimension).minCapacity(min).maxCapacity(max));
  }

  private long readCapacity(String table) {
    return dynamo.describeTable(r -> r.tableName(table)).table().provisionedThroughput().readCapacityUnits();
  }

  /** Polls what the scaler changes until it is {@code expected}, for at most {@link #SCALER_BOUND}. */
  private static void awaitValue(LongSupplier value, long expected) throws InterruptedException {
    long deadline = System.nanoTime() + SCALER_BOUND.toNanos();
    while (value.getAsLong() != expected && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(value.getAsLong()).isEqualTo(expected);
  }

  /** Reads 600 units in the current minute (60 reads of 10 units), then moves the clock a minute on. */
  private void busyMinute(String table) {
    for (int i = 0; i < 60; i++) {
      dynamo.getItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS("big"))).consistentRead(true));
    }
    clock.advance(Duration.ofMinutes(1));
  }

  @Test
  void targetTracking_sustainedLoadThenQuiet_raisesThenLowersReadCapacity() throws InterruptedException {
    String table = provisionedTable(5, 5);
    dynamo.putItem(r -> r.tableName(table).item(Map.of("id", AttributeValue.fromS("big"),
        "payload", AttributeValue.fromS(TEN_UNITS))));
    String resourceId = "table/" + table;
    register(resourceId, ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS, 5, 100);
    String policyArn = scaling.putScalingPolicy(r -> r.policyName("reads").serviceNamespace(ServiceNamespace.DYNAMODB)
        .resourceId(resourceId).scalableDimension(ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS)
        .policyType(PolicyType.TARGET_TRACKING_SCALING)
        .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(50.0)
            .predefinedMetricSpecification(m -> m.predefinedMetricType(MetricType.DYNAMO_DB_READ_CAPACITY_UTILIZATION))))
        .policyARN();
    assertThat(policyArn).startsWith("arn:aws:autoscaling:us-east-1:000000000000:scalingPolicy:")
        .endsWith(":resource/dynamodb/" + resourceId + ":policyName/reads");

    // The policy was put at 00:00:30; the first whole minute after it starts at 00:01.
    clock.advance(Duration.ofSeconds(30));
    busyMinute(table);
    assertThat(readCapacity(table)).as("one busy minute is not enough").isEqualTo(5);
    busyMinute(table);
    // Two minutes at 10 units a second, 200% of 5: enough for 50% at 20.
    awaitValue(() -> readCapacity(table), 20);

    // Fifteen quiet minutes after the scale-out lower it to the minimum.
    clock.advance(Duration.ofMinutes(14));
    assertThat(readCapacity(table)).as("fourteen quiet minutes are not enough").isEqualTo(20);
    clock.advance(Duration.ofMinutes(2));
    awaitValue(() -> readCapacity(table), 5);

    List<ScalingActivity> activities = scaling.describeScalingActivities(r -> r.serviceNamespace(
        ServiceNamespace.DYNAMODB).resourceId(resourceId)).scalingActivities();
    assertThat(activities).extracting(ScalingActivity::description)
        .containsExactly("Setting read capacity units to 5.", "Setting read capacity units to 20.");
    assertThat(activities).extracting(ScalingActivity::statusCodeAsString).containsOnly("Successful");
    assertThat(dynamo.describeTable(r -> r.tableName(table)).table().provisionedThroughput()
        .numberOfDecreasesToday()).isEqualTo(1);
  }

  @Test
  void registerScalableTarget_capacityBelowMinimum_raisesItAtOnce() throws InterruptedException {
    String table = provisionedTable(1, 1);
    register("table/" + table + "/index/byG", ScalableDimension.DYNAMODB_INDEX_WRITE_CAPACITY_UNITS, 7, 10);

    awaitValue(() -> dynamo.describeTable(r -> r.tableName(table)).table().globalSecondaryIndexes().get(0)
        .provisionedThroughput().writeCapacityUnits(), 7);
    ScalableTarget target = scaling.describeScalableTargets(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
        .resourceIds("table/" + table + "/index/byG")).scalableTargets().get(0);
    assertThat(target.minCapacity()).isEqualTo(7);
    assertThat(target.maxCapacity()).isEqualTo(10);
    assertThat(target.scalableDimension()).isEqualTo(ScalableDimension.DYNAMODB_INDEX_WRITE_CAPACITY_UNITS);
    assertThat(target.scalableTargetARN()).startsWith("arn:aws:application-autoscaling:us-east-1:000000000000:"
        + "scalable-target/");
    assertThat(target.roleARN()).endsWith("/AWSServiceRoleForApplicationAutoScaling_DynamoDBTable");
  }

  @Test
  void scalingPolicies_putDescribeDelete_roundTrip() {
    String table = provisionedTable(5, 5);
    String resourceId = "table/" + table;
    register(resourceId, ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS, 5, 50);
    scaling.putScalingPolicy(r -> r.policyName("writes").serviceNamespace(ServiceNamespace.DYNAMODB)
        .resourceId(resourceId).scalableDimension(ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS)
        .policyType(PolicyType.TARGET_TRACKING_SCALING)
        .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(70.0).scaleInCooldown(60)
            .scaleOutCooldown(30).disableScaleIn(true).predefinedMetricSpecification(
                m -> m.predefinedMetricType(MetricType.DYNAMO_DB_WRITE_CAPACITY_UTILIZATION))));

    List<ScalingPolicy> policies = scaling.describeScalingPolicies(r -> r.serviceNamespace(
        ServiceNamespace.DYNAMODB).resourceId(resourceId)).scalingPolicies();
    assertThat(policies).hasSize(1);
    ScalingPolicy policy = policies.get(0);
    assertThat(policy.policyName()).isEqualTo("writes");
    assertThat(policy.policyType()).isEqualTo(PolicyType.TARGET_TRACKING_SCALING);
    assertThat(policy.targetTrackingScalingPolicyConfiguration().targetValue()).isEqualTo(70.0);
    assertThat(policy.targetTrackingScalingPolicyConfiguration().scaleInCooldown()).isEqualTo(60);
    assertThat(policy.targetTrackingScalingPolicyConfiguration().scaleOutCooldown()).isEqualTo(30);
    assertThat(policy.targetTrackingScalingPolicyConfiguration().disableScaleIn()).isTrue();
    assertThat(policy.targetTrackingScalingPolicyConfiguration().predefinedMetricSpecification()
        .predefinedMetricType()).isEqualTo(MetricType.DYNAMO_DB_WRITE_CAPACITY_UTILIZATION);

    scaling.deleteScalingPolicy(r -> r.policyName("writes").serviceNamespace(ServiceNamespace.DYNAMODB)
        .resourceId(resourceId).scalableDimension(ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS));
    assertThat(scaling.describeScalingPolicies(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
        .resourceId(resourceId)).scalingPolicies()).isEmpty();
    assertThatThrownBy(() -> scaling.deleteScalingPolicy(r -> r.policyName("writes")
        .serviceNamespace(ServiceNamespace.DYNAMODB).resourceId(resourceId)
        .scalableDimension(ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS)))
        .isInstanceOf(ObjectNotFoundException.class)
        .hasMessageStartingWith("No scaling policy found for service namespace: dynamodb, resource ID: "
            + resourceId + ", scalable dimension: dynamodb:table:WriteCapacityUnits, policy name: writes");
  }

  @Test
  void putScalingPolicy_unregisteredTarget_objectNotFound() {
    String table = provisionedTable(5, 5);
    // The service's words, as captured for another namespace: "No scalable target registered for service
    // namespace: rds, resource ID: ..., scalable dimension: ...".
    assertThatThrownBy(() -> scaling.putScalingPolicy(r -> r.policyName("p")
        .serviceNamespace(ServiceNamespace.DYNAMODB).resourceId("table/" + table)
        .scalableDimension(ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS)
        .policyType(PolicyType.TARGET_TRACKING_SCALING)
        .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(50.0).predefinedMetricSpecification(
            m -> m.predefinedMetricType(MetricType.DYNAMO_DB_READ_CAPACITY_UTILIZATION)))))
        .isInstanceOf(ObjectNotFoundException.class)
        .hasMessageStartingWith("No scalable target registered for service namespace: dynamodb, resource ID: table/"
            + table + ", scalable dimension: dynamodb:table:ReadCapacityUnits");
  }

  @Test
  void registerScalableTarget_otherNamespace_validationException() {
    assertThatThrownBy(() -> scaling.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.ECS)
        .resourceId("service/cluster/web").scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
        .minCapacity(1).maxCapacity(2)))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Unsupported service namespace, resource type or scalable dimension");
  }

  @Test
  void deregisterScalableTarget_registered_removesTargetAndPolicies() {
    String table = provisionedTable(5, 5);
    String resourceId = "table/" + table;
    register(resourceId, ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS, 5, 10);
    scaling.deregisterScalableTarget(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB).resourceId(resourceId)
        .scalableDimension(ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS));

    assertThat(scaling.describeScalableTargets(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
        .resourceIds(resourceId)).scalableTargets()).isEmpty();
    assertThatThrownBy(() -> scaling.deregisterScalableTarget(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
        .resourceId(resourceId).scalableDimension(ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS)))
        .isInstanceOf(ObjectNotFoundException.class);
  }

  @Test
  void deleteTable_withTarget_targetGoesWithTheTable() {
    String table = provisionedTable(5, 5);
    String resourceId = "table/" + table;
    register(resourceId, ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS, 5, 10);
    dynamo.deleteTable(r -> r.tableName(table));
    dynamo.createTable(r -> r.tableName(table).billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))
        .attributeDefinitions(Tables.definition("id", ScalarAttributeType.S))
        .keySchema(Tables.key("id", KeyType.HASH)));

    assertThat(scaling.describeScalableTargets(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
        .resourceIds(resourceId)).scalableTargets()).isEmpty();
  }
}
