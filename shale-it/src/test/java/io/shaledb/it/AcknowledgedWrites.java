package io.shaledb.it;

import io.shaledb.it.jepsen.Requests;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** New items written through a cluster's nodes while faults happen, and read back at the end: none may be lost. */
final class AcknowledgedWrites {
  private AcknowledgedWrites() {}

  /**
   * Puts new items ({@code id} = {@code prefix} and a count, {@code v} = the count) through {@code client} every 20 ms
   * until {@code writing} is false; adds each acknowledged id to {@code acknowledged}. A failed put is not retried:
   * the next item is written after a pause.
   */
  static void writeUntilStopped(DynamoDbClient client, String table, String prefix, Queue<String> acknowledged,
      AtomicBoolean writing) {
    for (long n = 0; writing.get(); n++) {
      String id = prefix + n;
      AttributeValue value = AttributeValue.fromN(Long.toString(n));
      try {
        client.putItem(r -> r.tableName(table).item(Map.of("id", AttributeValue.fromS(id), "v", value)));
        acknowledged.add(id);
        Thread.sleep(20);
      } catch (SdkException e) {
        pause(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The ids among {@code ids} that strongly consistent batch reads through {@code client} do not find. */
  static List<String> missing(DynamoDbClient client, String table, List<String> ids, Duration patience) {
    List<String> missing = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += 100) {
      List<String> batch = ids.subList(from, Math.min(ids.size(), from + 100));
      List<Map<String, AttributeValue>> keys = batch.stream().map(id -> Map.of("id", AttributeValue.fromS(id)))
          .toList();
      List<String> found = new ArrayList<>();
      Map<String, KeysAndAttributes> asked = Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true)
          .build());
      while (!asked.isEmpty()) {
        Map<String, KeysAndAttributes> request = asked;
        var answer = Requests.patiently(() -> client.batchGetItem(r -> r.requestItems(request)), patience);
        answer.responses().getOrDefault(table, List.of()).forEach(item -> found.add(item.get("id").s()));
        asked = answer.unprocessedKeys();
      }
      batch.stream().filter(id -> !found.contains(id)).forEach(missing::add);
    }
    return missing;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
