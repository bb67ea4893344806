package io.shaledb.core.op.batch;

import static io.shaledb.core.model.Values.n;
import static io.shaledb.core.model.Values.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.api.ReturnItemCollectionMetrics;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.ConsumedCapacity;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.StoreInvariantsExtension;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.op.batch.BatchWriteItemInput.WriteRequest;
import io.shaledb.core.op.item.ItemCollectionMetrics;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.write.WritePipeline;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** BatchWriteItem against the memory engine; results and messages as BatchIT checks them through the SDK. */
class BatchWriteItemTest {
  private final Database db = new Database(new MemoryEngine(), Clock.systemUTC(), "us-east-1");
  @RegisterExtension
  final StoreInvariantsExtension invariants = new StoreInvariantsExtension(db);
  private final BatchWriteItem batch = new BatchWriteItem(db, new WritePipeline(db));
  private final TestTables tables = new TestTables(db);

  BatchWriteItemTest() {
    tables.create("first", true, false, true);
    tables.create("second", false, false, false);
    tables.create("ranged", false, true, false);
  }

  private static WriteRequest put(int id) {
    return new WriteRequest(Map.of("id", s("k" + id), "n", n(id)), null);
  }

  private static WriteRequest delete(int id) {
    return new WriteRequest(null, Map.of("id", s("k" + id)));
  }

  private BatchWriteItemOutput execute(Map<String, List<WriteRequest>> requests) {
    BatchWriteItemInput input = new BatchWriteItemInput(requests, Choice.of(ReturnConsumedCapacity.TOTAL), null);
    return Requests.run(batch, input);
  }

  private Map<String, AttributeValue> stored(String table, int id) {
    return tables.get(table, Map.of("id", s("k" + id)));
  }

  private long count(String table) {
    return IntStream.range(0, 30).filter(id -> stored(table, id) != null).count();
  }

  @Test
  void batch_putsAndDeletesAcrossTables_chargingEachTable() {
    execute(Map.of("second", List.of(put(2))));

    BatchWriteItemOutput output = execute(Map.of("first", IntStream.range(0, 15).mapToObj(BatchWriteItemTest::put)
        .toList(), "second", List.of(put(1), delete(2))));

    assertThat(output.unprocessedItems()).isEmpty();
    assertThat(output.consumedCapacity()).containsExactlyInAnyOrder(new ConsumedCapacity("first", 15.0, null),
        new ConsumedCapacity("second", 2.0, null));
    assertThat(count("first")).isEqualTo(15);
    assertThat(stored("second", 1)).isEqualTo(Map.of("id", s("k1"), "n", n(1)));
    assertThat(stored("second", 2)).isNull();
  }

  @Test
  void batch_overTwentyFiveRequests_isRefused() {
    List<WriteRequest> thirteen = IntStream.range(0, 13).mapToObj(BatchWriteItemTest::put).toList();
    List<WriteRequest> twentySix = IntStream.range(0, 26).mapToObj(BatchWriteItemTest::put).toList();

    assertThatThrownBy(() -> execute(Map.of("first", thirteen, "second", thirteen)))
        .hasMessage("Too many items requested for the BatchWriteItem call");
    assertThatThrownBy(() -> execute(Map.of("first", twentySix)))
        .hasMessageStartingWith("1 validation error detected: Value '{first=[WriteRequest[")
        .hasMessageEndingWith("]}' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint:"
            + " [Member must have length less than or equal to 25, Member must have length greater than or equal"
            + " to 1]");
    assertThat(count("first") + count("second")).isZero();
  }

  @Test
  void batch_namingAnItemTwice_isRefused() {
    assertThatThrownBy(() -> execute(Map.of("first", List.of(put(1), delete(1)))))
        .hasMessage("Provided list of item keys contains duplicates");
    assertThat(count("first")).isZero();
  }

  @Test
  void batch_withAnItemTheIndexRejects_writesNothing() {
    WriteRequest wrongIndexType = new WriteRequest(Map.of("id", s("k2"), "g", n(1)), null);

    assertThatThrownBy(() -> execute(Map.of("first", List.of(put(1), wrongIndexType), "second", List.of(put(1)))))
        .hasMessage("One or more parameter values were invalid: Type mismatch for Index Key g Expected: S Actual: N"
            + " IndexName: byG");
    assertThat(count("first") + count("second")).isZero();
  }

  @Test
  void batch_withAnInvalidItem_writesNothing() {
    Map<String, AttributeValue> big = new HashMap<>(Map.of("id", s("k2")));
    big.put("p", s("x".repeat(400 * 1024)));

    assertThatThrownBy(() -> execute(Map.of("first", List.of(put(1), new WriteRequest(big, null)))))
        .hasMessage("Item size has exceeded the maximum allowed size");
    assertThatThrownBy(() -> execute(Map.of("first", List.of(put(1), new WriteRequest(Map.of("other", s("x")),
        null))))).hasMessage("One or more parameter values were invalid: Missing the key id in the item");
    assertThatThrownBy(() -> execute(Map.of("first", List.of(put(1)), "missing", List.of(put(1)))))
        .isInstanceOfSatisfying(DynamoException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
    assertThat(count("first")).isZero();
  }

  @Test
  void validate_requestItems() {
    assertThatThrownBy(() -> batch.validate(new BatchWriteItemInput(null, null, null)))
        .hasMessage("1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member"
            + " must not be null");
    assertThatThrownBy(() -> batch.validate(new BatchWriteItemInput(Map.of("first", List.of()), null, null)))
        .hasMessage("1 validation error detected: Value '{first=[]}' at 'requestItems' failed to satisfy constraint:"
            + " Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have"
            + " length greater than or equal to 1]");
    assertThatThrownBy(() -> batch.validate(new BatchWriteItemInput(Map.of(), null, null)))
        .hasMessage("The requestItems parameter is required for BatchWriteItem");
  }

  @Test
  void itemCollectionMetrics_byTable_forTablesWithALocalIndex() {
    BatchWriteItemInput input = new BatchWriteItemInput(Map.of(
        "ranged", List.of(new WriteRequest(Map.of("id", s("p"), "rk", s("1"), "s", s("x")), null),
            new WriteRequest(Map.of("id", s("q"), "rk", s("1")), null)),
        "second", List.of(put(1))), null, Choice.of(ReturnItemCollectionMetrics.SIZE));

    BatchWriteItemOutput output = batch.execute(input, Requests.request());

    assertThat(output.itemCollectionMetrics()).containsOnlyKeys("ranged");
    assertThat(output.itemCollectionMetrics().get("ranged")).containsExactlyInAnyOrder(
        new ItemCollectionMetrics(Map.of("id", s("p")), 0, 1), new ItemCollectionMetrics(Map.of("id", s("q")), 0, 1));
    assertThat(output.consumedCapacity()).isEmpty();
  }
}
