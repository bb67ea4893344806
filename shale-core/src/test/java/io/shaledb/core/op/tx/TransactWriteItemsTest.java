package io.shaledb.core.op.tx;

import static io.shaledb.core.model.Values.n;
import static io.shaledb.core.model.Values.s;
import static io.shaledb.core.model.Values.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.api.ReturnItemCollectionMetrics;
import io.shaledb.core.api.ReturnValuesOnConditionCheckFailure;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.ConsumedCapacity;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.MutableClock;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.StoreInvariantsExtension;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.op.item.ItemCollectionMetrics;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.write.CancellationReason;
import io.shaledb.core.write.WritePipeline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TransactWriteItems against the memory engine: all or nothing, cancellation reasons, idempotency tokens on a clock
 * the test moves, and doubled capacity. Results and messages as TransactionsIT checks them through the SDK.
 */
class TransactWriteItemsTest {
  private static final String CANCELLED = "Transaction cancelled, please refer cancellation reasons for specific"
      + " reasons ";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
  private final Database db = new Database(new MemoryEngine(), clock, "us-east-1");
  @RegisterExtension
  final StoreInvariantsExtension invariants = new StoreInvariantsExtension(db);
  private final TransactWriteItems transact = new TransactWriteItems(db, new WritePipeline(db));
  private final TestTables tables = new TestTables(db);

  TransactWriteItemsTest() {
    tables.create("accounts", true, false, true);
    tables.create("audit", false, false, false);
    tables.create("ranged", false, true, false);
    tables.put("accounts", List.of(account("a", 5), account("gone", 0)));
  }

  private static Map<String, AttributeValue> account(String id, long balance) {
    return Map.of("id", s(id), "balance", n(balance));
  }

  private static TransactAction put(String table, Map<String, AttributeValue> item) {
    return new TransactAction.Put(table, item, null, null, null, null);
  }

  /** Moves {@code delta} into the account, under the condition that it does not go negative. */
  private static TransactAction move(String id, long delta) {
    return new TransactAction.Update("accounts", Map.of("id", s(id)), "SET balance = balance + :d",
        "balance >= :need", null, Map.of(":d", n(delta), ":need", n(Math.max(0, -delta))), null);
  }

  private TransactOutput execute(String token, TransactAction... actions) {
    TransactWriteItemsInput input = new TransactWriteItemsInput(Arrays.asList(actions), token,
        Choice.of(ReturnConsumedCapacity.TOTAL), null);
    return Requests.run(transact, input);
  }

  private Map<String, AttributeValue> stored(String table, String id) {
    return tables.get(table, Map.of("id", s(id)));
  }

  @SuppressWarnings("unchecked")
  private static List<CancellationReason> reasons(DynamoException e) {
    return (List<CancellationReason>) e.extra().get("CancellationReasons");
  }

  @Test
  void transaction_appliesEveryActionAcrossTables_atTwiceTheWriteUnits() {
    TransactOutput output = execute(null, put("accounts", account("b", 10)), put("audit", Map.of("id", s("log-1"))),
        new TransactAction.Delete("accounts", Map.of("id", s("gone")), null, null, null, null), move("a", -5));

    assertThat(stored("accounts", "b")).isEqualTo(account("b", 10));
    assertThat(stored("audit", "log-1")).isNotNull();
    assertThat(stored("accounts", "gone")).isNull();
    assertThat(stored("accounts", "a")).isEqualTo(account("a", 0));
    assertThat(output.items()).isNull();
    assertThat(output.consumedCapacity()).containsExactlyInAnyOrder(new ConsumedCapacity("accounts", 6.0, null),
        new ConsumedCapacity("audit", 2.0, null));
  }

  @Test
  void failedCondition_cancelsEverything_withAReasonPerActionInOrder() {
    TransactAction check = new TransactAction.ConditionCheck("accounts", Map.of("id", s("a")), "balance > :x", null,
        Map.of(":x", n(100)), Choice.of(ReturnValuesOnConditionCheckFailure.ALL_OLD));

    assertThatThrownBy(() -> execute(null, put("accounts", account("b", 1)), check, move("absent", 1)))
        .isInstanceOfSatisfying(DynamoException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.TRANSACTION_CANCELED);
          assertThat(reasons(e)).containsExactly(CancellationReason.NONE, new CancellationReason(
              "ConditionalCheckFailed", "The conditional request failed", account("a", 5)), new CancellationReason(
              "ConditionalCheckFailed", "The conditional request failed", null));
        })
        .hasMessage(CANCELLED + "[None, ConditionalCheckFailed, ConditionalCheckFailed]");
    assertThat(stored("accounts", "b")).as("nothing applied").isNull();
  }

  @Test
  void anUpdateThatCannotApplyToItsItem_isRefused_andNothingApplies() {
    TransactAction wrongType = new TransactAction.Update("accounts", Map.of("id", s("a")), "ADD id2 :one, balance :s",
        null, null, Map.of(":one", n(1), ":s", ss("x")), null);

    // Refused as the same update outside a transaction is: the fault lies in the request, found once the item is read.
    assertThatThrownBy(() -> execute(null, put("audit", Map.of("id", s("log"))), wrongType))
        .isInstanceOfSatisfying(DynamoException.class, e -> assertThat(reasons(e)).isNull())
        .hasMessage("An operand in the update expression has an incorrect data type");
    assertThat(stored("audit", "log")).isNull();
    assertThat(stored("accounts", "a")).isEqualTo(account("a", 5));
  }

  @Test
  void aPutWhoseIndexKeyHasTheWrongType_cancelsEverything_beforeAnyConditionIsRead() {
    TransactAction failing = new TransactAction.ConditionCheck("accounts", Map.of("id", s("a")), "balance > :x",
        null, Map.of(":x", n(100)), null);
    Map<String, AttributeValue> numericG = Map.of("id", s("b"), "g", n(1));

    assertThatThrownBy(() -> execute(null, failing, put("accounts", numericG)))
        .isInstanceOfSatisfying(DynamoException.class, e -> assertThat(reasons(e)).containsExactly(
            CancellationReason.NONE, new CancellationReason("ValidationError", "One or more parameter values were"
                + " invalid: Type mismatch for Index Key g Expected: S Actual: N IndexName: byG", null)))
        .hasMessage(CANCELLED + "[None, ValidationError]");
    assertThat(stored("accounts", "b")).isNull();
  }

  @Test
  void invalidTransactions_areRefusedBeforeAnythingIsRead() {
    assertThatThrownBy(() -> execute(null, put("accounts", account("x", 1)), move("x", 2)))
        .hasMessage("Transaction request cannot include multiple operations on one item");
    String big = "x".repeat(390 * 1024);
    List<TransactAction> overFourMegabytes = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      overFourMegabytes.add(put("audit", Map.of("id", s("big" + i), "p", s(big))));
    }
    assertThatThrownBy(() -> execute(null, overFourMegabytes.toArray(TransactAction[]::new)))
        .hasMessage("Transaction request cannot be larger than 4 MB");
    assertThatThrownBy(() -> execute(null, new TransactAction.Update("accounts", Map.of("id", s("a")),
        "SET id = :v", null, null, Map.of(":v", s("b")), null)))
        .isInstanceOfSatisfying(DynamoException.class, e -> assertThat(reasons(e)).containsExactly(
            new CancellationReason("ValidationError", "One or more parameter values were invalid: Cannot update"
                + " attribute id. This attribute is part of the key", null)))
        .hasMessage(CANCELLED + "[ValidationError]");
    assertThatThrownBy(() -> execute(null, put("missing", account("a", 1))))
        .isInstanceOfSatisfying(DynamoException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
    assertThat(stored("audit", "big0")).isNull();
    assertThat(stored("accounts", "x")).isNull();
  }

  @Test
  void validate_declaredConstraints() {
    // Messages as GoldenErrorsIT (items.txt) and TransactionsIT check them.
    assertThatThrownBy(() -> transact.validate(new TransactWriteItemsInput(List.of(
        new TransactAction.Delete("accounts", null, null, null, null, null),
        new TransactAction.ConditionCheck("accounts", null, "attribute_exists(id)", null, null, null)), null, null,
        null))).hasMessage("2 validation errors detected: Value null at 'transactItems.1.member.delete.key' failed to"
            + " satisfy constraint: Member must not be null; Value null at 'transactItems.2.member.conditionCheck.key'"
            + " failed to satisfy constraint: Member must not be null");
    List<TransactAction> tooMany = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      tooMany.add(put("audit", Map.of("id", s("k" + i))));
    }
    assertThatThrownBy(() -> transact.validate(new TransactWriteItemsInput(tooMany, null, null, null)))
        .hasMessageContaining("Member must have length less than or equal to 100");
  }

  @Test
  void clientRequestToken_appliesARequestOnce_withinTenMinutes() {
    for (int i = 0; i < 3; i++) {
      execute("token-1", move("a", 5));
    }
    assertThat(stored("accounts", "a")).isEqualTo(account("a", 10));

    assertThatThrownBy(() -> execute("token-1", move("a", 6)))
        .isInstanceOfSatisfying(DynamoException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.IDEMPOTENT_PARAMETER_MISMATCH))
        .hasMessage("DynamoDB rejected the request because you retried a request with a different payload but with an"
            + " idempotent token that was already used.");

    clock.advance(Duration.ofMinutes(11));
    execute("token-1", move("a", 5));
    assertThat(stored("accounts", "a")).as("the token expired, so the request applies again")
        .isEqualTo(account("a", 15));
  }

  @Test
  void conditionChecks_areChargedAsReads() {
    tables.put("audit", List.of(Map.of("id", s("big"), "p", s("x".repeat(5_000)))));
    TransactOutput output = execute(null, new TransactAction.ConditionCheck("audit", Map.of("id", s("big")),
        "attribute_exists(id)", null, null, null));

    assertThat(output.consumedCapacity()).as("a 5 KB item read strongly is 2 units, doubled")
        .containsExactly(new ConsumedCapacity("audit", 4.0, null));
  }

  @Test
  void itemCollectionMetrics_forWritesToTablesWithALocalIndex() {
    TransactOutput output = transact.execute(new TransactWriteItemsInput(List.of(
        put("ranged", Map.of("id", s("p"), "rk", s("1"), "s", s("x"))), put("audit", Map.of("id", s("log")))), null,
        null, Choice.of(ReturnItemCollectionMetrics.SIZE)), Requests.request());

    assertThat(output.itemCollectionMetrics()).isEqualTo(Map.of("ranged", List.of(
        new ItemCollectionMetrics(Map.of("id", s("p")), 0, 1))));
    assertThat(output.consumedCapacity()).isEmpty();
  }
}
