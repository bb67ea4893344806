package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.shaledb.server.ServerConfig;
import io.shaledb.server.ServerSecurity;
import io.shaledb.server.ShaleDbServer;
import io.shaledb.server.auth.NewAccessKey;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ApplicationAutoScalingException;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The SDK's Application Auto Scaling client, which signs as the service {@code application-autoscaling}, against a
 * server with users: its signature is verified for that service and its calls are authorized as
 * {@code application-autoscaling:} actions, as IAM names them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AutoScalingAuthIT {
  private static final String ACCOUNT = "000000000000";

  private ShaleDbServer server;
  private NewAccessKey scaler;
  private NewAccessKey tablesOnly;
  private SignedCalls calls;

  @BeforeAll
  void start(@TempDir Path keys) throws InterruptedException {
    server = ShaleDbServer.start(ServerConfig.inMemoryOnRandomPort()
        .withSecurity(ServerSecurity.defaults().withAuthKeyFile(keys.resolve("auth.key"))));
    server.principals().createUser("scaler", false);
    server.principals().putUserPolicy("scaler", "scaling", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"application-autoscaling:*","Resource":"*"},
        {"Effect":"Allow","Action":"dynamodb:CreateTable","Resource":"*"}]}""");
    scaler = server.principals().createAccessKey("scaler");
    server.principals().createUser("tables", false);
    server.principals().putUserPolicy("tables", "tables", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"dynamodb:*","Resource":"*"}]}""");
    tablesOnly = server.principals().createAccessKey("tables");
    calls = new SignedCalls(server.endpoint());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private ApplicationAutoScalingClient scaling(NewAccessKey key) {
    return ApplicationAutoScalingClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(key.key().id(), key.secret())))
        .httpClient(UrlConnectionHttpClient.builder().build())
        .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1))).build();
  }

  @Test
  void registerScalableTarget_userAllowedAutoScaling_isServed() {
    try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(server.endpoint())
            .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(scaler.key().id(), scaler.secret())))
            .httpClient(UrlConnectionHttpClient.builder().build()).build();
        ApplicationAutoScalingClient scaling = scaling(scaler)) {
      dynamo.createTable(r -> r.tableName("Scaled").billingMode(BillingMode.PROVISIONED)
          .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L))
          .attributeDefinitions(Tables.definition("id", ScalarAttributeType.S))
          .keySchema(Tables.key("id", KeyType.HASH)));

      scaling.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
          .resourceId("table/Scaled").scalableDimension(ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS)
          .minCapacity(5).maxCapacity(50));

      assertThat(scaling.describeScalableTargets(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB))
          .scalableTargets()).extracting(ScalableTarget::resourceId, ScalableTarget::maxCapacity)
          .containsExactly(tuple("table/Scaled", 50));
    }
  }

  @Test
  void describeScalableTargets_userAllowedOnlyDynamoDb_isAccessDeniedNamingTheAutoScalingAction() {
    try (ApplicationAutoScalingClient scaling = scaling(tablesOnly)) {
      ApplicationAutoScalingException e = catchThrowableOfType(ApplicationAutoScalingException.class,
          () -> scaling.describeScalableTargets(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)));

      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::" + ACCOUNT + ":user/tables"
          + " is not authorized to perform: application-autoscaling:DescribeScalableTargets on resource: * because"
          + " no identity-based policy allows the application-autoscaling:DescribeScalableTargets action");
    }
  }

  @Test
  void autoScalingCall_signedForDynamoDb_isInvalidSignatureNamingAutoScaling() {
    SignedCalls.Call call = calls.sign("DescribeScalableTargets", "{\"ServiceNamespace\":\"dynamodb\"}",
        new SignedCalls.Signing(scaler.key().id(), scaler.secret(), "us-east-1", "dynamodb", Instant.now(), null))
        .withHeader("X-Amz-Target", "AnyScaleFrontendService.DescribeScalableTargets");

    SignedCalls.Response response = calls.send(call);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.type()).isEqualTo("com.amazon.coral.service#InvalidSignatureException");
    assertThat(response.message()).isEqualTo("Credential should be scoped to correct service:"
        + " 'application-autoscaling'. ");
  }
}
