package io.shaledb.core.op.batch;

import static io.shaledb.core.model.Values.n;
import static io.shaledb.core.model.Values.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.ConsumedCapacity;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.PageItems;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.StoreInvariantsExtension;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.op.batch.BatchGetItemInput.KeysAndAttributes;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.write.ItemConsensus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * BatchGetItem against the memory engine; results and messages as BatchIT and GoldenErrorsIT (items.txt) check them
 * through the SDK.
 */
class BatchGetItemTest {
  private final Database db = new Database(new MemoryEngine(), Clock.systemUTC(), "us-east-1");
  @RegisterExtension
  final StoreInvariantsExtension invariants = new StoreInvariantsExtension(db);
  private final TestTables tables = new TestTables(db);
  private final BatchGetItem batch = new BatchGetItem(db, ItemConsensus.NONE);

  BatchGetItemTest() {
    tables.create("first", false, false, false);
    tables.create("second", false, false, false);
    tables.put("first", IntStream.range(0, 15).mapToObj(i -> TestTables.item("k" + i, Map.of("n", n(i)))).toList());
    tables.put("second", List.of(TestTables.item("k1", Map.of("n", n(1)))));
  }

  private static List<Map<String, AttributeValue>> keys(int... ids) {
    return Arrays.stream(ids).mapToObj(id -> Map.of("id", s("k" + id))).toList();
  }

  private static KeysAndAttributes keysOf(List<Map<String, AttributeValue>> keys) {
    return new KeysAndAttributes(keys, null, null, null, null);
  }

  private BatchGetItemOutput execute(Map<String, KeysAndAttributes> requests) {
    BatchGetItemInput input = new BatchGetItemInput(requests, Choice.of(ReturnConsumedCapacity.TOTAL));
    return Requests.run(batch, input);
  }

  @Test
  void batch_readsAcrossTables_withTheirOwnProjectionAndConsistency() {
    BatchGetItemOutput output = execute(Map.of(
        "first", new KeysAndAttributes(keys(IntStream.range(0, 20).toArray()), null, "#n", Map.of("#n", "n"), null),
        "second", new KeysAndAttributes(keys(1, 2), null, null, null, true)));

    assertThat(PageItems.attributes(output.responses().get("first"))).hasSize(15)
        .allSatisfy(item -> assertThat(item).containsOnlyKeys("n"));
    assertThat(PageItems.attributes(output.responses().get("second"))).containsExactly(Map.of("id", s("k1"),
        "n", n(1)));
    assertThat(output.unprocessedKeys()).isEmpty();
    assertThat(output.consumedCapacity()).as("20 eventually consistent reads, 2 strongly consistent")
        .containsExactlyInAnyOrder(new ConsumedCapacity("first", 10.0, null),
            new ConsumedCapacity("second", 2.0, null));
  }

  @Test
  void batch_pastSixteenMegabytes_leavesTheRestAsUnprocessedKeys() {
    tables.create("big", false, false, false);
    String big = "x".repeat(390 * 1024);
    tables.put("big", IntStream.range(0, 45).mapToObj(i -> TestTables.item("k" + i, Map.of("p", s(big)))).toList());

    BatchGetItemOutput first = execute(Map.of("big", keysOf(keys(IntStream.range(0, 45).toArray()))));
    BatchGetItemOutput rest = execute(first.unprocessedKeys());

    int returned = first.responses().get("big").size();
    assertThat(returned).isBetween(40, 44);
    assertThat(first.unprocessedKeys().get("big").keys()).hasSize(45 - returned);
    assertThat(rest.responses().get("big")).hasSize(45 - returned);
    assertThat(rest.unprocessedKeys()).isEmpty();
  }

  @Test
  void batch_limitsAndErrors_haveDynamoDbsMessages() {
    assertThatThrownBy(() -> execute(Map.of("first", keysOf(keys(IntStream.range(0, 101).toArray())))))
        .hasMessage("1 validation error detected: Value at 'RequestItems.first.member.Keys' failed to satisfy"
            + " constraint: Member must have length less than or equal to 100");
    assertThatThrownBy(() -> execute(Map.of("first", keysOf(keys(1, 1)))))
        .hasMessage("Provided list of item keys contains duplicates");
    List<Map<String, AttributeValue>> withNull = new ArrayList<>(keys(1));
    withNull.add(null);
    assertThatThrownBy(() -> execute(Map.of("first", keysOf(withNull))))
        .hasMessage("The list of keys in RequestItems for BatchGetItem may not contain null or empty values: first"
            + " has one or more empty keys");
    assertThatThrownBy(() -> execute(Map.of("first", keysOf(List.of(Map.of("id", n(1)))))))
        .hasMessage("The provided key element does not match the schema");
    assertThatThrownBy(() -> execute(Map.of("missing", keysOf(keys(1)))))
        .isInstanceOfSatisfying(DynamoException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
  }

  @Test
  void validate_requestItems() {
    assertThatThrownBy(() -> batch.validate(new BatchGetItemInput(null, null)))
        .hasMessage("1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member"
            + " must not be null");
    assertThatThrownBy(() -> batch.validate(new BatchGetItemInput(Map.of("first", keysOf(null)), null)))
        .hasMessage("1 validation error detected: Value null at 'requestItems.first.member.keys' failed to satisfy"
            + " constraint: Member must not be null");
    assertThatThrownBy(() -> batch.validate(new BatchGetItemInput(Map.of("first", keysOf(List.of())), null)))
        .hasMessage("1 validation error detected: Value at 'requestItems.first.member.keys' failed to satisfy"
            + " constraint: Member must have length greater than or equal to 1");
    assertThatThrownBy(() -> batch.validate(new BatchGetItemInput(Map.of(), null)))
        .hasMessage("The requestItems parameter is required for BatchGetItem");
  }
}
