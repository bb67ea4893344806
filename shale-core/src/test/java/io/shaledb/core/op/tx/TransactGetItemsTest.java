package io.shaledb.core.op.tx;

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
import io.shaledb.core.op.tx.TransactGetItemsInput.Get;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.write.CancellationReason;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** TransactGetItems against the memory engine; results as TransactionsIT checks them through the SDK. */
class TransactGetItemsTest {
  private static final Map<String, AttributeValue> ITEM = Map.of("id", s("a"), "balance", n(5),
      "note", s("x".repeat(5_000)));

  private final Database db = new Database(new MemoryEngine(), Clock.systemUTC(), "us-east-1");
  @RegisterExtension
  final StoreInvariantsExtension invariants = new StoreInvariantsExtension(db);
  private final TransactGetItems transact = new TransactGetItems(db);

  TransactGetItemsTest() {
    TestTables tables = new TestTables(db);
    tables.create("accounts", false, false, false);
    tables.create("ranged", false, true, false);
    tables.put("accounts", List.of(ITEM));
  }

  private static Get get(String id, String projection) {
    return new Get("accounts", Map.of("id", s(id)), projection, null);
  }

  private TransactOutput execute(Get... gets) {
    TransactGetItemsInput input = new TransactGetItemsInput(Arrays.asList(gets),
        Choice.of(ReturnConsumedCapacity.TOTAL));
    return Requests.run(transact, input);
  }

  @Test
  void transaction_returnsWholeAndProjectedItemsInOrder_nullForAMissingOne_atTwiceTheReadUnits() {
    TransactOutput output = execute(get("missing", null), get("a", null));
    TransactOutput projected = execute(get("a", "balance"));

    assertThat(output.items()).hasSize(2);
    assertThat(output.items().get(0)).isNull();
    assertThat(PageItems.attributes(output.items().get(1))).isEqualTo(ITEM);
    assertThat(PageItems.attributes(projected.items().getFirst())).isEqualTo(Map.of("balance", n(5)));
    // A strongly consistent read of a 5 KB item (2 units) and one of nothing (1 unit), each doubled.
    assertThat(output.consumedCapacity()).containsExactly(new ConsumedCapacity("accounts", 6.0, null));
  }

  @Test
  void twoReadsOfOneItem_areRefused() {
    assertThatThrownBy(() -> execute(get("a", null), get("a", "balance")))
        .hasMessage("Transaction request cannot include multiple operations on one item");
  }

  @Test
  void projection_withNames_andUnusedNamesRefused() {
    TransactOutput output = execute(new Get("accounts", Map.of("id", s("a")), "#b", Map.of("#b", "balance")));

    assertThat(PageItems.attributes(output.items().getFirst())).isEqualTo(Map.of("balance", n(5)));
    assertThatThrownBy(() -> execute(new Get("accounts", Map.of("id", s("a")), "#b", Map.of("#b", "balance",
        "#c", "c")))).hasMessage("Value provided in ExpressionAttributeNames unused in expressions: keys: {#c}");
  }

  @Test
  void keysNotMatchingTheSchema_andMissingTables_areRefused() {
    assertThatThrownBy(() -> execute(get("a", null), new Get("ranged", Map.of("id", s("a")), null, null)))
        .isInstanceOfSatisfying(DynamoException.class, e -> assertThat(e.extra().get("CancellationReasons"))
            .isEqualTo(List.of(CancellationReason.NONE, new CancellationReason("ValidationError",
                "The provided key element does not match the schema", null))));
    assertThatThrownBy(() -> execute(new Get("missing", Map.of("id", s("a")), null, null)))
        .isInstanceOfSatisfying(DynamoException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
  }

  @Test
  void validate_declaredConstraints() {
    List<Get> tooMany = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      tooMany.add(get("k" + i, null));
    }
    assertThatThrownBy(() -> transact.validate(new TransactGetItemsInput(tooMany, null)))
        .hasMessageStartingWith("1 validation error detected: Value '[Get[")
        .hasMessageEndingWith("]' at 'transactItems' failed to satisfy constraint: Member must have length less than"
            + " or equal to 100");
    assertThatThrownBy(() -> transact.validate(new TransactGetItemsInput(List.of(), null)))
        .hasMessage("1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: Member"
            + " must have length greater than or equal to 1");
    assertThatThrownBy(() -> transact.validate(new TransactGetItemsInput(List.of(new Get("accounts", null, null,
        null)), null))).hasMessage("1 validation error detected: Value null at 'transactItems.1.member.get.key' failed"
            + " to satisfy constraint: Member must not be null");
  }
}
