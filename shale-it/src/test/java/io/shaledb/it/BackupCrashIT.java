package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BackupDescription;
import software.amazon.awssdk.services.dynamodb.model.BackupDetails;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * SIGKILL while a restore fills its table and a backup copies its items, on RocksDB: after a restart the restored
 * table is CREATING until it holds every item of its backup, then ACTIVE, never ACTIVE and half full; the backup
 * being copied is copied again from a fresh snapshot (its creation time moves to it) and holds the whole table.
 */
@Tag("slow")
class BackupCrashIT {
  private static final int ITEMS = 20_000;
  private static final int ROUNDS = 4;
  private static final Duration WAIT = Duration.ofMinutes(3);

  @TempDir
  Path data;

  @Test
  void sigkill_duringARestoreAndABackupCopy_resumesBoth_andNeverServesAHalfTable() throws Exception {
    String table = "source";
    String backupArn;
    try (ServerProcess server = ServerProcess.start(data); DynamoDbClient client = server.client()) {
      client.createTable(r -> r.tableName(table).billingMode("PAY_PER_REQUEST")
          .attributeDefinitions(Tables.definition("id", ScalarAttributeType.S))
          .keySchema(Tables.key("id", KeyType.HASH)));
      for (int start = 0; start < ITEMS; start += 25) {
        List<WriteRequest> batch = IntStream.range(start, start + 25).mapToObj(n -> WriteRequest.builder()
            .putRequest(p -> p.item(item(n))).build()).toList();
        client.batchWriteItem(r -> r.requestItems(Map.of(table, batch)));
      }
      backupArn = client.createBackup(r -> r.tableName(table).backupName("before-crash")).backupDetails()
          .backupArn();
      await(() -> backup(client, backupArn), b -> b.backupDetails().backupStatus() == BackupStatus.AVAILABLE);
    }
    boolean restoreCut = false;
    boolean copyCut = false;
    // The kill lands while both copies run unless the machine stalled the test between the calls: a few rounds at
    // most, until each was seen cut.
    for (int round = 0; round < ROUNDS && !(restoreCut && copyCut); round++) {
      String restored = "restored-" + round;
      BackupDetails cut;
      try (ServerProcess server = ServerProcess.start(data); DynamoDbClient client = server.client()) {
        client.restoreTableFromBackup(r -> r.backupArn(backupArn).targetTableName(restored));
        cut = client.createBackup(r -> r.tableName(table).backupName("cut")).backupDetails();
        server.kill();
      }
      String cutArn = cut.backupArn();
      try (ServerProcess server = ServerProcess.start(data); DynamoDbClient client = server.client()) {
        TableDescription first = describe(client, restored);
        BackupDescription firstCopy = backup(client, cutArn);
        TableDescription active = await(() -> describe(client, restored),
            t -> t.tableStatus() == TableStatus.ACTIVE);
        BackupDescription copied = await(() -> backup(client, cutArn),
            b -> b.backupDetails().backupStatus() == BackupStatus.AVAILABLE);

        // A copy cut by the kill starts again from a snapshot taken after the restart, whose instant it records.
        boolean copiedAgain = copied.backupDetails().backupCreationDateTime().isAfter(cut.backupCreationDateTime());
        System.out.println("BackupCrashIT round " + round + ": after the restart the restored table was "
            + first.tableStatus() + " with " + first.itemCount() + " items, the backup "
            + firstCopy.backupDetails().backupStatus() + (copiedAgain ? ", copied again" : ""));
        restoreCut |= first.tableStatus() == TableStatus.CREATING;
        copyCut |= copiedAgain;
        if (first.tableStatus() == TableStatus.ACTIVE) {
          assertThat(first.itemCount()).as("an ACTIVE restored table is whole").isEqualTo(ITEMS);
        }
        assertThat(active.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(active.itemCount()).isEqualTo(ITEMS);
        assertThat(active.restoreSummary().restoreInProgress()).isFalse();
        Set<String> ids = client.scanPaginator(r -> r.tableName(restored)).items().stream()
            .map(i -> i.get("id").s()).collect(Collectors.toSet());
        assertThat(ids).isEqualTo(IntStream.range(0, ITEMS).mapToObj(n -> "item-" + n).collect(Collectors.toSet()));
        assertThat(copied.backupDetails().backupStatus()).isEqualTo(BackupStatus.AVAILABLE);
        assertThat(copied.sourceTableDetails().itemCount()).isEqualTo(ITEMS);
        assertThat(copied.backupDetails().backupSizeBytes())
            .isEqualTo(backup(client, backupArn).backupDetails().backupSizeBytes());
      }
    }
    assertThat(restoreCut).as("a restore was cut by the kill").isTrue();
    assertThat(copyCut).as("a backup copy was cut by the kill").isTrue();
  }

  private static Map<String, AttributeValue> item(int n) {
    return Map.of("id", AttributeValue.fromS("item-" + n), "n", AttributeValue.fromN(String.valueOf(n)));
  }

  private static TableDescription describe(DynamoDbClient client, String table) {
    return client.describeTable(r -> r.tableName(table)).table();
  }

  private static BackupDescription backup(DynamoDbClient client, String arn) {
    return client.describeBackup(r -> r.backupArn(arn)).backupDescription();
  }

  /** Asks until {@code done} holds or the wait is over, and returns the last answer. */
  private static <T> T await(Supplier<T> ask, Predicate<T> done) throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    T answer = ask.get();
    while (!done.test(answer) && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
      answer = ask.get();
    }
    return answer;
  }
}
