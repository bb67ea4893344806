package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.shaledb.server.ServerConfig;
import io.shaledb.server.ServerSecurity;
import io.shaledb.server.ShaleDbServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.SSEDescription;
import software.amazon.awssdk.services.dynamodb.model.SSEStatus;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Encryption at rest on RocksDB, through the SDK: a distinctive non-key value written to a table with a global index
 * and a stream, copied by a backup and kept by point-in-time recovery's history when the item is updated, appears in
 * no file of the data directory (table files, write-ahead log, manifest) when the server has a master key, and does
 * appear when it has none (so the search can fail). The directory then refuses to open without its key or with
 * another one, and opens with its own.
 */
class EncryptionAtRestIT {
  private static final Duration WAIT = Duration.ofMinutes(2);

  @TempDir
  Path data;

  @TempDir
  Path keys;

  @Test
  void write_withMasterKey_leavesNoValueInClearInAnyFile() throws Exception {
    String secret = distinctive();
    try (ShaleDbServer server = ShaleDbServer.start(config(keys.resolve("master.key")))) {
      writeEverywhere(server, secret);
    }

    assertThat(filesHolding(secret)).isEmpty();
  }

  @Test
  void write_withoutMasterKey_leavesTheValueInFiles() throws Exception {
    String secret = distinctive();
    try (ShaleDbServer server = ShaleDbServer.start(ServerConfig.durableOnRandomPort(data))) {
      writeEverywhere(server, secret);
    }

    assertThat(filesHolding(secret)).isNotEmpty();
  }

  @Test
  void describeTable_withMasterKey_describesKmsEncryptionUnderTheMasterKey() throws Exception {
    try (ShaleDbServer server = ShaleDbServer.start(config(keys.resolve("master.key")));
        DynamoDbClient client = client(server)) {
      String table = Tables.unique("sse");
      client.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(Tables.definition("id", ScalarAttributeType.S))
          .keySchema(Tables.key("id", KeyType.HASH))
          .sseSpecification(s -> s.enabled(true).sseType(SSEType.KMS)));

      SSEDescription sse = client.describeTable(r -> r.tableName(table)).table().sseDescription();

      assertThat(sse.status()).isEqualTo(SSEStatus.ENABLED);
      assertThat(sse.sseType()).isEqualTo(SSEType.KMS);
      assertThat(sse.kmsMasterKeyArn()).matches("arn:aws:kms:us-east-1:000000000000:key/[0-9a-f-]{36}");
    }
  }

  @Test
  void createTable_namingAKmsKey_isRefused() throws Exception {
    try (ShaleDbServer server = ShaleDbServer.start(config(keys.resolve("master.key")));
        DynamoDbClient client = client(server)) {
      DynamoDbException e = catchThrowableOfType(DynamoDbException.class, () -> client.createTable(r -> r
          .tableName(Tables.unique("sse")).billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(Tables.definition("id", ScalarAttributeType.S))
          .keySchema(Tables.key("id", KeyType.HASH))
          .sseSpecification(s -> s.enabled(true).kmsMasterKeyId("alias/mine"))));

      assertThat(e.awsErrorDetails().errorMessage())
          .isEqualTo("ShaleDB does not support SSESpecification.KMSMasterKeyId yet");
    }
  }

  @Test
  void start_encryptedDirectoryWithoutItsKey_refusesToStart_andStartsWithIt() throws Exception {
    Path master = keys.resolve("master.key");
    String table;
    try (ShaleDbServer server = ShaleDbServer.start(config(master));
        DynamoDbClient client = client(server)) {
      table = Tables.createSimple(client, "kept");
      client.putItem(r -> r.tableName(table).item(Map.of("id", s("k"), "v", s("kept value"))));
    }

    IllegalStateException withoutKey = catchThrowableOfType(IllegalStateException.class,
        () -> ShaleDbServer.start(ServerConfig.durableOnRandomPort(data)));
    IllegalStateException otherKey = catchThrowableOfType(IllegalStateException.class,
        () -> ShaleDbServer.start(config(keys.resolve("other.key"))));

    assertThat(withoutKey).hasMessageMatching("the data directory is encrypted at rest under master key [0-9a-f-]{36}:"
        + " name its key file \\(--encryption-key-file or SHALEDB_ENCRYPTION_KEY_FILE\\)");
    assertThat(otherKey).hasMessageContaining("and the key file given holds master key");
    try (ShaleDbServer server = ShaleDbServer.start(config(master));
        DynamoDbClient client = client(server)) {
      assertThat(client.getItem(r -> r.tableName(table).key(Map.of("id", s("k")))).item().get("v").s())
          .isEqualTo("kept value");
    }
  }

  @Test
  void start_clearDirectoryWithTablesGivenAKey_refusesToStart() throws Exception {
    try (ShaleDbServer server = ShaleDbServer.start(ServerConfig.durableOnRandomPort(data));
        DynamoDbClient client = client(server)) {
      Tables.createSimple(client, "clear");
    }

    IllegalStateException e = catchThrowableOfType(IllegalStateException.class,
        () -> ShaleDbServer.start(config(keys.resolve("master.key"))));

    assertThat(e).hasMessageStartingWith("the data directory holds tables written without encryption at rest");
  }

  private ServerConfig config(Path masterKey) {
    return ServerConfig.durableOnRandomPort(data)
        .withSecurity(ServerSecurity.defaults().withEncryptionKeyFile(masterKey));
  }

  /**
   * Writes {@code secret} as a non-key attribute of an item of a table with a global index projecting it and a stream
   * of new and old images, backs the table up, turns on point-in-time recovery and updates the item, so that the
   * value is in the table, the index, the stream, the backup and the history.
   */
  private static void writeEverywhere(ShaleDbServer server, String secret) throws InterruptedException {
    try (DynamoDbClient client = client(server)) {
      String table = Tables.unique("secrets");
      client.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(Tables.definition("id", ScalarAttributeType.S),
              Tables.definition("category", ScalarAttributeType.S))
          .keySchema(Tables.key("id", KeyType.HASH))
          .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byCategory")
              .keySchema(Tables.key("category", KeyType.HASH)).projection(p -> p.projectionType(ProjectionType.ALL))
              .build())
          .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
      client.putItem(r -> r.tableName(table).item(Map.of("id", s("item"), "category", s("c"), "secret", s(secret))));
      String backup = client.createBackup(r -> r.tableName(table).backupName("everywhere")).backupDetails()
          .backupArn();
      Instant deadline = Instant.now().plus(WAIT);
      while (client.describeBackup(r -> r.backupArn(backup)).backupDescription().backupDetails().backupStatus()
          != BackupStatus.AVAILABLE) {
        assertThat(Instant.now()).as("the backup AVAILABLE within two minutes").isBefore(deadline);
        Thread.sleep(20);
      }
      client.updateContinuousBackups(r -> r.tableName(table)
          .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
      client.updateItem(r -> r.tableName(table).key(Map.of("id", s("item")))
          .updateExpression("SET note = :v").expressionAttributeValues(Map.of(":v", s("changed"))));
    }
  }

  /** The files under the data directory whose bytes contain {@code value}'s UTF-8. */
  private List<Path> filesHolding(String value) throws IOException {
    byte[] needle = value.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.walk(data)) {
      return files.filter(Files::isRegularFile).filter(file -> contains(read(file), needle)).toList();
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return true;
      }
    }
    return false;
  }

  /** Random hex, which no compression shortens, so a value in clear appears as it is in any file. */
  private static String distinctive() {
    byte[] random = new byte[20];
    new SecureRandom().nextBytes(random);
    return "secret-" + HexFormat.of().formatHex(random);
  }

  private static AttributeValue s(String value) {
    return AttributeValue.builder().s(value).build();
  }

  private static DynamoDbClient client(ShaleDbServer server) {
    return DynamoDbClient.builder()
        .endpointOverride(server.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
        .httpClient(UrlConnectionHttpClient.builder().build())
        .build();
  }
}
