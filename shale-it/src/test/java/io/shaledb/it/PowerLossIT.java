package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Acknowledged writes survive a power cut with the default durability, and do not with {@code --durability os}: the
 * server runs on {@link PowerCutFilesystem}, which keeps only what was synced, in a data directory it creates there;
 * it is killed with SIGKILL under load, the power is cut, and a new server starts on what the disk kept.
 */
@Tag("slow")
class PowerLossIT {
  private static final String TABLE = "acked";

  @TempDir
  Path work;

  @Test
  void powerCut_defaultDurability_losesNoAcknowledgedWrite() throws Exception {
    Outcome outcome = cutPowerUnderLoad();

    assertThat(outcome.run().acknowledged()).hasSizeGreaterThan(100);
    assertThat(outcome.lost()).as("acknowledged writes missing after the power cut").isEmpty();
  }

  /** The same test finds the loss when writes are acknowledged before they reach the disk. */
  @Test
  void powerCut_osDurability_losesAcknowledgedWrites() throws Exception {
    Outcome outcome = cutPowerUnderLoad("--durability", "os");

    assertThat(outcome.run().acknowledged()).hasSizeGreaterThan(100);
    assertThat(outcome.lost()).as("acknowledged writes missing after the power cut").isNotEmpty();
  }

  /** The writes the server acknowledged before it died, and those of them that a new server did not find. */
  private record Outcome(WritesUntilKilled run, Set<Integer> lost) {}

  private Outcome cutPowerUnderLoad(String... options) throws Exception {
    Path mountPoint = Files.createDirectory(work.resolve("disk"));
    Path image = Files.createDirectory(work.resolve("after-the-cut"));
    WritesUntilKilled run;
    try (PowerCutFilesystem disk = PowerCutFilesystem.mount(mountPoint, image)) {
      try (ServerProcess server = ServerProcess.start(mountPoint.resolve("data"), options);
          DynamoDbClient client = server.client()) {
        client.createTable(r -> r.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(Tables.definition("id", ScalarAttributeType.N))
            .keySchema(Tables.key("id", KeyType.HASH)));
        run = WritesUntilKilled.run(server, 8, 400, id -> client.putItem(r -> r.tableName(TABLE).item(Map.of(
            "id", AttributeValue.fromN(String.valueOf(id)), "payload", AttributeValue.fromS("x".repeat(100))))));
      }
      assertThat(disk.cutPower()).as("bytes the power cut lost").isPositive();
    }
    try (ServerProcess server = ServerProcess.start(image.resolve("data")); DynamoDbClient client = server.client()) {
      Set<Integer> lost = new HashSet<>(run.acknowledged());
      lost.removeAll(stored(client));
      return new Outcome(run, lost);
    }
  }

  /** The ids in the table, none when the table itself was lost. */
  private static List<Integer> stored(DynamoDbClient client) {
    try {
      return client.scanPaginator(r -> r.tableName(TABLE)).items().stream()
          .map(item -> Integer.valueOf(item.get("id").n()))
          .toList();
    } catch (ResourceNotFoundException e) {
      return List.of();
    }
  }
}
