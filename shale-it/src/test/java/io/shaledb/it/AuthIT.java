package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.shaledb.core.op.MutableClock;
import io.shaledb.server.ServerConfig;
import io.shaledb.server.ServerSecurity;
import io.shaledb.server.ShaleDbServer;
import io.shaledb.server.auth.AccessKeyStatus;
import io.shaledb.server.auth.NewAccessKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/**
 * SigV4 verification through the AWS SDK: requests signed by the SDK's own signer (its client, and
 * {@code AwsV4HttpSigner} for requests a test changes after signing, and for presigned URLs) against a server with a
 * user, and each way a signature fails answered with DynamoDB's type, HTTP status and message, word for word
 * (sources in {@code SignatureErrors}). The server reads a clock that stands still, so that every date in a message
 * is known.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthIT {
  private static final String REGION = "us-east-1";
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final String MISMATCH = "The request signature we calculated does not match the signature you"
      + " provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for"
      + " details.";
  private static final String INVALID_TOKEN = "The security token included in the request is invalid.";
  private static final String TYPE = "com.amazon.coral.service#";

  private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  private ShaleDbServer server;
  private NewAccessKey alice;
  private SignedCalls calls;

  @BeforeAll
  void start(@TempDir Path keys) throws InterruptedException {
    server = ShaleDbServer.start(ServerConfig.inMemoryOnRandomPort().withClock(clock)
        .withSecurity(ServerSecurity.defaults().withAuthKeyFile(keys.resolve("auth.key"))));
    server.principals().createUser("alice");
    alice = server.principals().createAccessKey("alice");
    calls = new SignedCalls(server.endpoint());
    try (DynamoDbClient dynamo = client(alice.key().id(), alice.secret())) {
      dynamo.createTable(t -> t.tableName("Signed").billingMode("PAY_PER_REQUEST")
          .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType("S").build())
          .keySchema(KeySchemaElement.builder().attributeName("id").keyType("HASH").build()));
    }
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private DynamoDbClient client(String accessKeyId, String secret) {
    return DynamoDbClient.builder()
        .endpointOverride(server.endpoint())
        .region(Region.of(REGION))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
        .httpClient(UrlConnectionHttpClient.builder().build())
        .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
        .build();
  }

  private SignedCalls.Signing signing() {
    return new SignedCalls.Signing(alice.key().id(), alice.secret(), REGION, "dynamodb", clock.instant(), null);
  }

  private SignedCalls.Response listTables(SignedCalls.Signing signing) {
    return calls.send(calls.sign("ListTables", "{}", signing));
  }

  private static void assertError(SignedCalls.Response response, String type, String message) {
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.type()).isEqualTo(TYPE + type);
    assertThat(response.message()).isEqualTo(message);
  }

  @Test
  void sdkClient_activeKey_isServed() {
    try (DynamoDbClient dynamo = client(alice.key().id(), alice.secret())) {
      dynamo.putItem(p -> p.tableName("Signed").item(Map.of("id", AttributeValue.fromS("a"))));

      assertThat(dynamo.getItem(g -> g.tableName("Signed").key(Map.of("id", AttributeValue.fromS("a"))))
          .item()).containsEntry("id", AttributeValue.fromS("a"));
    }
  }

  @Test
  void sdkClient_wrongSecret_isInvalidSignature() {
    try (DynamoDbClient dynamo = client(alice.key().id(), "x".repeat(40))) {
      DynamoDbException e = catchThrowableOfType(DynamoDbException.class, dynamo::listTables);

      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
      assertThat(e.awsErrorDetails().errorMessage()).startsWith(MISMATCH + "\n\nThe Canonical String for this"
          + " request should have been\n'POST\n/\n\n");
    }
  }

  @Test
  void sdkClient_unknownKey_isUnrecognizedClient() {
    try (DynamoDbClient dynamo = client("AKIAUNKNOWNUNKNOWN00", alice.secret())) {
      DynamoDbException e = catchThrowableOfType(DynamoDbException.class, dynamo::listTables);

      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(INVALID_TOKEN);
    }
  }

  @Test
  void signedCall_valid_isServed() {
    SignedCalls.Response response = listTables(signing());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).contains("\"Signed\"");
  }

  @Test
  void signedCall_wrongSecret_namesTheCanonicalRequestAndStringToSign() throws Exception {
    SignedCalls.Call call = calls.sign("ListTables", "{}", signing().withSecret("y".repeat(40)));
    String date = AMZ_DATE.format(clock.instant());
    String canonical = "POST\n/\n\ncontent-type:application/x-amz-json-1.0\nhost:127.0.0.1:" + server.port()
        + "\nx-amz-content-sha256:" + sha256("{}") + "\nx-amz-date:" + date
        + "\nx-amz-target:DynamoDB_20120810.ListTables\n\n"
        + "content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target\n" + sha256("{}");
    String stringToSign = "AWS4-HMAC-SHA256\n" + date + "\n" + date.substring(0, 8) + "/us-east-1/dynamodb/"
        + "aws4_request\n" + sha256(canonical);

    assertError(calls.send(call), "InvalidSignatureException", MISMATCH + "\n\nThe Canonical String for this"
        + " request should have been\n'" + canonical + "'\n\nThe String-to-Sign should have been\n'" + stringToSign
        + "'\n");
  }

  @Test
  void signedCall_unknownKey_isUnrecognizedClient() {
    assertError(listTables(new SignedCalls.Signing("AKIAUNKNOWNUNKNOWN00", alice.secret(), REGION, "dynamodb",
        clock.instant(), null)), "UnrecognizedClientException", INVALID_TOKEN);
  }

  @Test
  void signedCall_inactiveKey_isUnrecognizedClient_untilActivatedAgain() {
    NewAccessKey second = server.principals().createAccessKey("alice");
    SignedCalls.Signing signing = new SignedCalls.Signing(second.key().id(), second.secret(), REGION, "dynamodb",
        clock.instant(), null);
    try {
      assertThat(listTables(signing).status()).isEqualTo(200);

      server.principals().setStatus("alice", second.key().id(), AccessKeyStatus.INACTIVE);
      SignedCalls.Response inactive = listTables(signing);
      server.principals().setStatus("alice", second.key().id(), AccessKeyStatus.ACTIVE);

      assertError(inactive, "UnrecognizedClientException", INVALID_TOKEN);
      assertThat(listTables(signing).status()).isEqualTo(200);
    } finally {
      server.principals().deleteAccessKey("alice", second.key().id());
    }
    assertError(listTables(signing), "UnrecognizedClientException", INVALID_TOKEN);
  }

  @Test
  void signedCall_wrongRegion_isInvalidSignatureNamingTheRegion() {
    assertError(listTables(signing().withRegion("eu-west-1")), "InvalidSignatureException",
        "Credential should be scoped to a valid region, not 'eu-west-1'. ");
  }

  @Test
  void signedCall_wrongService_isInvalidSignatureNamingDynamoDb() {
    assertError(listTables(signing().withService("s3")), "InvalidSignatureException",
        "Credential should be scoped to correct service: 'dynamodb'. ");
  }

  @Test
  void signedCall_tamperedBody_isInvalidSignature() {
    SignedCalls.Call call = calls.sign("ListTables", "{}", signing()).withBody("{\"Limit\":1}");

    SignedCalls.Response response = calls.send(call);

    assertThat(response.type()).isEqualTo(TYPE + "InvalidSignatureException");
    assertThat(response.message()).startsWith(MISMATCH)
        .contains("\n" + sha256("{\"Limit\":1}") + "'\n\nThe String-to-Sign should have been");
  }

  @Test
  void signedCall_tamperedSignedHeader_isInvalidSignature() {
    SignedCalls.Call call = calls.sign("ListTables", "{}", signing())
        .withHeader("X-Amz-Target", "DynamoDB_20120810.DescribeLimits");

    SignedCalls.Response response = calls.send(call);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.type()).isEqualTo(TYPE + "InvalidSignatureException");
    assertThat(response.message()).startsWith(MISMATCH).contains("x-amz-target:DynamoDB_20120810.DescribeLimits");
  }

  @Test
  void signedCall_unsignedHeaderAdded_isServed_asAwsServesIt() {
    SignedCalls.Call call = calls.sign("ListTables", "{}", signing()).withHeader("X-Unsigned", "anything");

    assertThat(calls.send(call).status()).isEqualTo(200);
  }

  @Test
  void signedCall_targetNotSigned_isInvalidSignature() {
    SignedCalls.Call call = calls.sign("ListTables", "{}", signing());
    String authorization = call.request().firstMatchingHeader("Authorization").orElseThrow()
        .replace(";x-amz-target", "");

    assertError(calls.send(call.withHeader("Authorization", authorization)), "InvalidSignatureException",
        "'X-Amz-Target' must be a 'SignedHeader' in the AWS Authorization.");
  }

  @Test
  void signedCall_datedMoreThan15MinutesAgo_isExpired() {
    Instant signedAt = clock.instant().minus(Duration.ofMinutes(15)).minusSeconds(1);

    assertError(listTables(signing().at(signedAt)), "InvalidSignatureException", "Signature expired: "
        + AMZ_DATE.format(signedAt) + " is now earlier than " + AMZ_DATE.format(clock.instant().minusSeconds(900))
        + " (" + AMZ_DATE.format(clock.instant()) + " - 15 min.)");
  }

  @Test
  void signedCall_datedMoreThan15MinutesAhead_isNotYetCurrent() {
    Instant signedAt = clock.instant().plus(Duration.ofMinutes(15)).plusSeconds(1);

    assertError(listTables(signing().at(signedAt)), "InvalidSignatureException", "Signature not yet current: "
        + AMZ_DATE.format(signedAt) + " is still later than " + AMZ_DATE.format(clock.instant().plusSeconds(900))
        + " (" + AMZ_DATE.format(clock.instant()) + " + 15 min.)");
  }

  @Test
  void signedCall_withinTheSkewWindow_isServed() {
    assertThat(listTables(signing().at(clock.instant().minus(Duration.ofMinutes(14)))).status()).isEqualTo(200);
    assertThat(listTables(signing().at(clock.instant().plus(Duration.ofMinutes(14)))).status()).isEqualTo(200);
  }

  @Test
  void presignedUrl_valid_isServed() {
    SignedCalls.Call call = calls.sign("ListTables", "{}", signing().presigned(Duration.ofMinutes(5)));

    assertThat(call.request().firstMatchingHeader("Authorization")).isEmpty();
    assertThat(call.request().rawQueryParameters()).containsKey("X-Amz-Signature");
    assertThat(calls.send(call).status()).isEqualTo(200);
  }

  @Test
  void presignedUrl_pastItsLifetime_isExpired() {
    Instant signedAt = clock.instant().minus(Duration.ofMinutes(5)).minusSeconds(1);

    SignedCalls.Response response = calls.send(calls.sign("ListTables", "{}",
        signing().at(signedAt).presigned(Duration.ofMinutes(5))));

    assertError(response, "InvalidSignatureException", "Signature expired: " + AMZ_DATE.format(signedAt)
        + " is now earlier than " + AMZ_DATE.format(clock.instant().minusSeconds(300)) + " ("
        + AMZ_DATE.format(clock.instant()) + " - 300 sec.)");
  }

  @Test
  void presignedUrl_tamperedBody_isInvalidSignature() {
    SignedCalls.Call call = calls.sign("ListTables", "{}", signing().presigned(Duration.ofMinutes(5)))
        .withBody("{\"Limit\":1}");

    assertThat(calls.send(call).message()).startsWith(MISMATCH);
  }

  @Test
  void presignedUrl_andAuthorizationHeader_isInvalidSignature() {
    SignedCalls.Call call = calls.sign("ListTables", "{}", signing().presigned(Duration.ofMinutes(5)))
        .withHeader("Authorization", "AWS4-HMAC-SHA256 Credential=x");

    assertError(calls.send(call), "InvalidSignatureException",
        "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");
  }

  @Test
  void presignedUrl_missingParameters_isIncompleteSignatureNamingEach() {
    SignedCalls.Call call = calls.sign("ListTables", "{}", signing().presigned(Duration.ofMinutes(5)))
        .change(request -> request.removeQueryParameter("X-Amz-Credential").removeQueryParameter("X-Amz-Signature"));

    assertError(calls.send(call), "IncompleteSignatureException", "AWS query-string parameters must include"
        + " 'X-Amz-Credential'. AWS query-string parameters must include 'X-Amz-Signature'. Re-examine the"
        + " query-string parameters.");
  }

  @Test
  void authorizationHeader_missing_isMissingAuthenticationToken() {
    SignedCalls.Call call = calls.sign("ListTables", "{}", signing()).withoutHeader("Authorization");

    assertError(calls.send(call), "MissingAuthenticationTokenException", "Request is missing Authentication Token");
  }

  @Test
  void authorizationHeader_missingParts_isIncompleteSignatureNamingEach() {
    String authorization = "AWS4-HMAC-SHA256 Credential=" + alice.key().id() + "/20250101/us-east-1/dynamodb/"
        + "aws4_request";
    SignedCalls.Call call = calls.sign("ListTables", "{}", signing()).withHeader("Authorization", authorization)
        .withoutHeader("X-Amz-Date");

    assertError(calls.send(call), "IncompleteSignatureException", "Authorization header requires 'Signature'"
        + " parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires"
        + " existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=" + authorization);
  }

  @Test
  void authorizationHeader_credentialWithoutFiveParts_isIncompleteSignature() {
    SignedCalls.Call call = calls.sign("ListTables", "{}", signing());
    String authorization = call.request().firstMatchingHeader("Authorization").orElseThrow()
        .replaceFirst("Credential=[^,]*,", "Credential=" + alice.key().id() + "/20250101,");

    assertError(calls.send(call.withHeader("Authorization", authorization)), "IncompleteSignatureException",
        "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '"
            + alice.key().id() + "/20250101'");
  }

  @Test
  void securityToken_notIssuedByShaleDb_isUnrecognizedClient() {
    SignedCalls.Call call = calls.sign("ListTables", "{}", signing()).withHeader("X-Amz-Security-Token", "token");

    assertError(calls.send(call), "UnrecognizedClientException", INVALID_TOKEN);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
