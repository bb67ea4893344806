package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A full disk: the server's data directory is on a small tmpfs (mounting it needs root), filled up with a file and
 * freed again. Writes are refused with a retryable error, reads go on, no acknowledged write is lost, writes resume
 * by themselves once space is free, and a server started on the full disk serves reads.
 */
@Tag("slow")
class DiskFullIT {
  private static final String TABLE = "items";
  /** Near DynamoDB's 400 KB item limit, so the log fills the disk in few writes. */
  private static final String LARGE = "x".repeat(300_000);
  /** RocksDB's error handler looks for free space every 5 seconds: resuming takes at most a few such rounds. */
  private static final Duration RESUME_AT_THE_LATEST = Duration.ofSeconds(60);

  /**
   * DynamoDB's ServiceUnavailable as its developer guide gives it (Error handling with DynamoDB, HTTP status code
   * 5xx).
   */
  private static final String UNAVAILABLE = "DynamoDB is currently unavailable. (This should be a temporary state.)";

  @TempDir
  Path work;

  private Path disk;

  @BeforeEach
  void mountSmallDisk() throws Exception {
    disk = Files.createDirectory(work.resolve("disk"));
    run("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", disk.toString());
  }

  @AfterEach
  void unmount() throws Exception {
    run("umount", "-l", disk.toString());
  }

  @Test
  void fullDisk_refusesWritesRetryably_servesReads_andResumesWritesOnceSpaceIsFreed() throws Exception {
    try (ServerProcess server = ServerProcess.start(disk.resolve("data"), "--engine-option", "write-buffer=4m");
        DynamoDbClient client = server.client()) {
      createTable(client);
      List<Integer> acknowledged = new ArrayList<>();
      put(client, 0, "small");
      acknowledged.add(0);
      Path filler = fill(disk.resolve("filler"));

      DynamoDbException refused = null;
      for (int id = 1; id < 1_000 && refused == null; id++) {
        try {
          put(client, id, LARGE);
          acknowledged.add(id);
        } catch (DynamoDbException e) {
          refused = e;
        }
      }

      assertThat(refused).as("a write on the full disk").isNotNull();
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
      assertThat(refused.awsErrorDetails().errorMessage()).isEqualTo(UNAVAILABLE);
      assertThat(refused.numAttempts()).as("attempts the SDK made, retrying the 503").isGreaterThan(1);
      assertThat(present(client, 0)).as("a read on the full disk").isTrue();

      Files.delete(filler);
      int resumed = acknowledged.getLast() + 1;
      Instant deadline = Instant.now().plus(RESUME_AT_THE_LATEST);
      while (!tryPut(client, resumed, "small")) {
        assertThat(Instant.now()).as("writes resumed in time").isBefore(deadline);
      }
      acknowledged.add(resumed);

      for (int id : acknowledged) {
        assertThat(present(client, id)).as("acknowledged item %d", id).isTrue();
      }
      // Logged once per outage, not once per refused write (the SDK alone sent the refused one several times);
      // RocksDB may free space itself meanwhile (an obsolete log deleted), which ends an outage early.
      long refusals = count(server, "Writes are refused until disk space is freed");
      long recoveries = count(server, "Disk space is available again");
      assertThat(recoveries).isPositive();
      assertThat(refusals).isBetween(1L, recoveries + 1);
    }
  }

  @Test
  void startOnAFullDisk_opensReadOnly_servingReadsAndRefusingWrites() throws Exception {
    Path data = disk.resolve("data");
    try (ServerProcess server = ServerProcess.start(data); DynamoDbClient client = server.client()) {
      createTable(client);
      put(client, 1, "small");
      server.stop();
    }
    fill(disk.resolve("filler"));

    try (ServerProcess server = ServerProcess.start(data); DynamoDbClient client = server.client()) {
      assertThat(present(client, 1)).isTrue();
      DynamoDbException refused = catchThrowableOfType(DynamoDbException.class, () -> put(client, 2, "small"));
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.awsErrorDetails().errorMessage()).isEqualTo(UNAVAILABLE);
      assertThat(server.output()).anyMatch(line -> line.contains("the database is open read-only"));
    }
  }

  private static long count(ServerProcess server, String logged) {
    return server.output().stream().filter(line -> line.contains(logged)).count();
  }

  private static void createTable(DynamoDbClient client) {
    client.createTable(r -> r.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(Tables.definition("id", ScalarAttributeType.N))
        .keySchema(Tables.key("id", KeyType.HASH)));
  }

  private static void put(DynamoDbClient client, int id, String payload) {
    client.putItem(r -> r.tableName(TABLE).item(Map.of("id", AttributeValue.fromN(String.valueOf(id)),
        "payload", AttributeValue.fromS(payload))));
  }

  private static boolean tryPut(DynamoDbClient client, int id, String payload) {
    try {
      put(client, id, payload);
      return true;
    } catch (DynamoDbException e) {
      assertThat(e.statusCode()).as("a refused write's status").isEqualTo(503);
      return false;
    }
  }

  private static boolean present(DynamoDbClient client, int id) {
    return client.getItem(r -> r.tableName(TABLE).consistentRead(true)
        .key(Map.of("id", AttributeValue.fromN(String.valueOf(id))))).hasItem();
  }

  /** Writes zeros into {@code file} until the disk has no block left. */
  private static Path fill(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      for (int chunk : new int[] {1 << 20, 4096}) {
        ByteBuffer zeros = ByteBuffer.allocate(chunk);
        try {
          while (true) {
            channel.write(zeros.clear());
          }
        } catch (IOException full) {
          // The disk is full at this granularity: on to the next, smaller one.
        }
      }
    }
    return file;
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).inheritIO().start();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IOException("failed (this test needs root): " + String.join(" ", command));
    }
  }
}
