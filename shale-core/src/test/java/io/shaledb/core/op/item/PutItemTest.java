package io.shaledb.core.op.item;

import static io.shaledb.core.model.Values.n;
import static io.shaledb.core.model.Values.s;
import static io.shaledb.core.model.Values.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.api.ConditionalOperator;
import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.api.ReturnItemCollectionMetrics;
import io.shaledb.core.api.ReturnValue;
import io.shaledb.core.api.ReturnValuesOnConditionCheckFailure;
import io.shaledb.core.capacity.Access;
import io.shaledb.core.capacity.CapacityMode;
import io.shaledb.core.capacity.PartitionBoundaries;
import io.shaledb.core.capacity.Throughput;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.CapacityMeter;
import io.shaledb.core.op.ConsumedCapacity;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.StoreInvariantsExtension;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.write.WritePipeline;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PutItem against the memory engine. Messages are DynamoDB's as GoldenErrorsIT (items.txt) and ExpressionsIT check
 * them through the SDK.
 */
class PutItemTest {
  private final Database db = new Database(new MemoryEngine(), Clock.systemUTC(), "us-east-1");
  @RegisterExtension
  final StoreInvariantsExtension invariants = new StoreInvariantsExtension(db);
  private final PutItem put = new PutItem(db, new WritePipeline(db));
  private final TestTables tables = new TestTables(db);

  PutItemTest() {
    tables.create("items", true, false, true);
    tables.create("ranged", false, true, false);
  }

  private static PutItemInput input(Map<String, AttributeValue> item) {
    return new PutItemInput("items", item, null, null, null, null, null, null, null, null, null);
  }

  private static PutItemInput conditional(Map<String, AttributeValue> item, String condition,
      Map<String, AttributeValue> values, ReturnValuesOnConditionCheckFailure onFailure) {
    return new PutItemInput("items", item, null, null, null, condition, null, values,
        onFailure == null ? null : Choice.of(onFailure), null, null);
  }

  private ItemOutput execute(PutItemInput input) {
    return Requests.run(put, input);
  }

  private Map<String, AttributeValue> stored(String id) {
    return tables.get("items", Map.of("id", s(id)));
  }

  @Test
  void put_createsThenReplacesTheWholeItem_andReturnsTheOldOneWhenAsked() {
    ItemOutput created = execute(input(Map.of("id", s("a"), "x", n(1), "y", s("why"))));
    ItemOutput replaced = execute(new PutItemInput("items", Map.of("id", s("a"), "x", n(2)),
        Choice.of(ReturnValue.ALL_OLD), null, null, null, null, null, null, null, null));
    ItemOutput none = execute(new PutItemInput("items", Map.of("id", s("a"), "x", n(3)),
        Choice.of(ReturnValue.NONE), null, null, null, null, null, null, null, null));

    assertThat(created.attributes()).isNull();
    assertThat(replaced.attributes()).isEqualTo(Map.of("id", s("a"), "x", n(1), "y", s("why")));
    assertThat(none.attributes()).isNull();
    assertThat(stored("a")).isEqualTo(Map.of("id", s("a"), "x", n(3)));
  }

  @Test
  void put_withReturnValuesOtherThanAllOldOrNone_isRefused() {
    for (ReturnValue refused : new ReturnValue[] {ReturnValue.ALL_NEW, ReturnValue.UPDATED_OLD,
        ReturnValue.UPDATED_NEW}) {
      assertThatThrownBy(() -> execute(new PutItemInput("items", Map.of("id", s("a")), Choice.of(refused), null,
          null, null, null, null, null, null, null)))
          .hasMessage("1 validation error detected: ReturnValues can only be ALL_OLD or NONE");
    }
    assertThat(stored("a")).isNull();
  }

  @Test
  void put_conditionHolds_writes() {
    execute(conditional(Map.of("id", s("a"), "v", n(1)), "attribute_not_exists(id)", null, null));
    execute(conditional(Map.of("id", s("a"), "v", n(2)), "v = :one", Map.of(":one", n(1)), null));

    assertThat(stored("a")).containsEntry("v", n(2));
  }

  @Test
  void put_conditionFails_isConditionalCheckFailed_withTheOldItemOnlyWhenAsked() {
    execute(input(Map.of("id", s("a"), "v", n(1))));

    assertThatThrownBy(() -> execute(conditional(Map.of("id", s("a")), "attribute_not_exists(id)", null,
        ReturnValuesOnConditionCheckFailure.ALL_OLD)))
        .isInstanceOfSatisfying(DynamoException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.CONDITIONAL_CHECK_FAILED);
          assertThat(e.extra()).isEqualTo(Map.of("Item", Map.of("id", s("a"), "v", n(1))));
        })
        .hasMessage("The conditional request failed");
    assertThatThrownBy(() -> execute(conditional(Map.of("id", s("a")), "v = :two", Map.of(":two", n(2)),
        ReturnValuesOnConditionCheckFailure.NONE)))
        .isInstanceOfSatisfying(DynamoException.class, e -> assertThat(e.extra()).isEmpty());
    assertThatThrownBy(() -> execute(conditional(Map.of("id", s("b")), "attribute_exists(id)", null,
        ReturnValuesOnConditionCheckFailure.ALL_OLD)))
        .as("no item, so none to return")
        .isInstanceOfSatisfying(DynamoException.class, e -> assertThat(e.extra()).isEmpty());
    assertThat(stored("a")).isEqualTo(Map.of("id", s("a"), "v", n(1)));
    assertThat(stored("b")).isNull();
  }

  @Test
  void put_legacyExpected_guardsTheWrite() {
    execute(input(Map.of("id", s("a"), "v", n(1))));
    Map<String, ExpectedCondition> mustNotExist = Map.of("id", new ExpectedCondition(null, false, null, null));

    assertThatThrownBy(() -> execute(new PutItemInput("items", Map.of("id", s("a")), null, null, null, null, null,
        null, null, mustNotExist, null))).isInstanceOfSatisfying(DynamoException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CONDITIONAL_CHECK_FAILED));
    execute(new PutItemInput("items", Map.of("id", s("b")), null, null, null, null, null, null, null, mustNotExist,
        null));
    assertThat(stored("b")).isEqualTo(Map.of("id", s("b")));
    assertThatThrownBy(() -> execute(new PutItemInput("items", Map.of("id", s("c")), null, null, null, null, null,
        null, null, mustNotExist, Choice.of(ConditionalOperator.AND))))
        .hasMessage("ConditionalOperator can only be used when Filter or Expected has two or more elements");
  }

  @Test
  void put_expressionAndLegacyConditionTogether_isRefused() {
    assertThatThrownBy(() -> execute(new PutItemInput("items", Map.of("id", s("a")), null, null, null,
        "attribute_exists(id)", null, null, null, Map.of("id", new ExpectedCondition(null, false, null, null)), null)))
        .hasMessage("1 validation error detected: Can not use both expression and non-expression parameters in the"
            + " same request: Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}");
  }

  @Test
  void put_unusedOrMisplacedExpressionValues_areRefused() {
    assertThatThrownBy(() -> execute(conditional(Map.of("id", s("a")), "attribute_not_exists(id)",
        Map.of(":x", n(1)), null)))
        .hasMessage("Value provided in ExpressionAttributeValues unused in expressions: keys: {:x}");
    assertThatThrownBy(() -> execute(conditional(Map.of("id", s("a")), null, Map.of(":x", n(1)), null)))
        .hasMessage("1 validation error detected: ExpressionAttributeValues can only be specified when using"
            + " expressions");
  }

  @Test
  void put_conditionExpressionErrors_comeInsideTheEnvelope() {
    assertThatThrownBy(() -> execute(conditional(Map.of("id", s("a")), "((attribute_exists(x)))", null, null)))
        .hasMessage("1 validation error detected: Invalid ConditionExpression: The expression has redundant"
            + " parentheses;");
    assertThatThrownBy(() -> execute(conditional(Map.of("id", s("a")), "a".repeat(4200), null, null)))
        .hasMessage("1 validation error detected: Invalid ConditionExpression: Expression size has exceeded the"
            + " maximum allowed size; expression size: 4200");
    assertThatThrownBy(() -> execute(conditional(Map.of("id", s("a")), "x = :v", null, null)))
        .hasMessage("1 validation error detected: Invalid ConditionExpression: An expression attribute value used in"
            + " expression is not defined; attribute value: :v");
    assertThatThrownBy(() -> execute(conditional(Map.of("id", s("a")), " ", null, null)))
        .hasMessage("1 validation error detected: Invalid ConditionExpression: The expression can not be empty;");
    assertThat(stored("a")).isNull();
  }

  @Test
  void put_itemsWhoseKeyIsWrong_areRefused() {
    assertThatThrownBy(() -> execute(input(Map.of("other", s("a")))))
        .hasMessage("One or more parameter values were invalid: Missing the key id in the item");
    assertThatThrownBy(() -> execute(input(Map.of("id", n(1)))))
        .hasMessage("One or more parameter values were invalid: Type mismatch for key id expected: S actual: N");
    assertThatThrownBy(() -> execute(input(Map.of("id", s("")))))
        .hasMessage("One or more parameter values are not valid. The AttributeValue for a key attribute cannot"
            + " contain an empty string value. Key: id");
  }

  @Test
  void put_indexKeyOfTheWrongType_isRefused_andWritesNothing() {
    // The message as IndexesIT and BatchIT check it through the SDK.
    assertThatThrownBy(() -> execute(input(Map.of("id", s("a"), "g", n(5)))))
        .hasMessage("One or more parameter values were invalid: Type mismatch for Index Key g Expected: S Actual: N"
            + " IndexName: byG");
    assertThat(stored("a")).isNull();
  }

  @Test
  void put_indexKeyOfTheWrongType_isRefused_beforeAFailingConditionIsRead() {
    assertThatThrownBy(() -> execute(conditional(Map.of("id", s("a"), "g", n(5)), "attribute_exists(id)", null,
        null)))
        .hasMessage("One or more parameter values were invalid: Type mismatch for Index Key g Expected: S Actual: N"
            + " IndexName: byG");
  }

  @Test
  void put_itemOverFourHundredKilobytes_isRefused() {
    Map<String, AttributeValue> big = new HashMap<>(Map.of("id", s("a")));
    big.put("p", s("x".repeat(400 * 1024)));

    assertThatThrownBy(() -> execute(input(big))).hasMessage("Item size has exceeded the maximum allowed size");
  }

  @Test
  void put_toATableThatDoesNotExist_isResourceNotFound() {
    assertThatThrownBy(() -> execute(new PutItemInput("missing", Map.of("id", s("a")), null, null, null, null, null,
        null, null, null, null)))
        .isInstanceOfSatisfying(DynamoException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND))
        .hasMessage("Requested resource not found");
  }

  @Test
  void validate_declaredConstraints_comeFirst() {
    assertThatThrownBy(() -> put.validate(new PutItemInput(null, null, null, null, null, null, null, null, null, null,
        null))).hasMessage("1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member"
        + " must not be null");
    assertThatThrownBy(() -> put.validate(new PutItemInput("", null, null, null, null, null, null, null, null, null,
        null))).as("the table name on its own").hasMessage("1 validation error detected: Value '' at 'tableName'"
            + " failed to satisfy constraint: Member must have length greater than or equal to 1");
    assertThatThrownBy(() -> put.validate(new PutItemInput("items", null, null, null, null, null, null, null, null,
        null, null))).hasMessage("1 validation error detected: Value null at 'item' failed to satisfy constraint:"
            + " Member must not be null");
    assertThatThrownBy(() -> put.validate(new PutItemInput("items", Map.of("id", s("a")),
        Choice.of("SOME", ReturnValue.class), null, null, null, null, null, null, null, null)))
        .hasMessage("1 validation error detected: Value 'SOME' at 'returnValues' failed to satisfy constraint: Member"
            + " must satisfy enum value set: [NONE, ALL_OLD, UPDATED_OLD, ALL_NEW, UPDATED_NEW]");
  }

  @Test
  void consumedCapacity_isTheLargerItemInKilobytes_chargedToTheRequest() {
    // 3 KB and the key: 4 write units, as QueryScanIT checks through the SDK.
    RequestContext first = Requests.request();
    ItemOutput created = put.execute(new PutItemInput("items", Map.of("id", s("a"), "p", s("x".repeat(3 * 1024))),
        null, Choice.of(ReturnConsumedCapacity.TOTAL), null, null, null, null, null, null, null), first);
    RequestContext second = Requests.request();
    ItemOutput shrunk = put.execute(new PutItemInput("items", Map.of("id", s("a")), null,
        Choice.of(ReturnConsumedCapacity.INDEXES), null, null, null, null, null, null, null), second);
    RequestContext third = Requests.request();
    ItemOutput small = put.execute(input(Map.of("id", s("a"))), third);

    assertThat(created.consumedCapacity()).isEqualTo(new ConsumedCapacity("items", 4.0, null));
    assertThat(shrunk.consumedCapacity()).as("the old item was the larger").isEqualTo(
        new ConsumedCapacity("items", 4.0, new ConsumedCapacity.Shares(4.0, Map.of(), Map.of())));
    assertThat(small.consumedCapacity()).isNull();
    assertThat(third.capacity().usage()).singleElement()
        .satisfies(usage -> assertThat(usage.writeUnits()).isEqualTo(1.0));
  }

  /** A request whose capacity is charged to {@code throughput}. */
  private static RequestContext throttledBy(Throughput throughput) {
    RequestContext request = Requests.request();
    return new RequestContext(request.requestId(), request.principal(), request.deadline(), request.clock(),
        new CapacityMeter(throughput), request.endpoint());
  }

  @Test
  void throughput_conditionFails_chargesTheExistingItemToTheTableAndNothingToItsRequestsUsage() {
    execute(input(Map.of("id", s("a"), "g", s("indexed"), "p", s("x".repeat(3 * 1024)))));
    Throughput throughput = new Throughput(CapacityMode.ENFORCE,
        Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC), name -> "arn:table/" + name,
        keyspace -> 0, PartitionBoundaries.load(db.storage(), db.catalog(), Runnable::run));
    TableMetadata table = db.tableForItems("items");
    RequestContext onExisting = throttledBy(throughput);
    RequestContext onMissing = throttledBy(throughput);
    // The new item is larger than the existing one: a failed write is charged on the item it found.
    Map<String, AttributeValue> larger = Map.of("id", s("a"), "g", s("indexed"), "p", s("x".repeat(5 * 1024)));
    double before = throughput.available(table, Access.WRITE);

    assertThatThrownBy(() -> put.execute(conditional(larger, "attribute_not_exists(id)", null, null), onExisting))
        .isInstanceOfSatisfying(DynamoException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CONDITIONAL_CHECK_FAILED));
    double afterExisting = throughput.available(table, Access.WRITE);
    assertThatThrownBy(() -> put.execute(conditional(Map.of("id", s("b"), "g", s("indexed")), "attribute_exists(id)",
        null, null), onMissing)).isInstanceOf(DynamoException.class);

    assertThat(before - afterExisting).isEqualTo(4.0);
    assertThat(afterExisting - throughput.available(table, Access.WRITE)).isEqualTo(1.0);
    assertThat(onExisting.capacity().usage()).as("a refused write reports no capacity").isEmpty();
    assertThat(onMissing.capacity().usage()).isEmpty();
  }

  @Test
  void itemCollectionMetrics_forATableWithALocalIndex_whenAsked() {
    ItemOutput metered = put.execute(new PutItemInput("ranged", Map.of("id", s("p"), "rk", s("1"), "s", s("x")),
        null, null, Choice.of(ReturnItemCollectionMetrics.SIZE), null, null, null, null, null, null),
        Requests.request());
    ItemOutput unasked = put.execute(new PutItemInput("ranged", Map.of("id", s("p"), "rk", s("2")), null, null, null,
        null, null, null, null, null, null), Requests.request());
    ItemOutput noLocalIndex = execute(new PutItemInput("items", Map.of("id", s("a")), null, null,
        Choice.of(ReturnItemCollectionMetrics.SIZE), null, null, null, null, null, null));

    assertThat(metered.itemCollectionMetrics()).isEqualTo(new ItemCollectionMetrics(Map.of("id", s("p")), 0, 1));
    assertThat(unasked.itemCollectionMetrics()).isNull();
    assertThat(noLocalIndex.itemCollectionMetrics()).isNull();
  }

  @Test
  void put_setsAndNestedValues_roundTrip() {
    Map<String, AttributeValue> item = Map.of("id", s("a"), "tags", ss("x", "y"),
        "doc", new AttributeValue.M(Map.of("list", new AttributeValue.L(List.of(n(1), s("two"))))));
    execute(input(item));

    assertThat(stored("a")).isEqualTo(item);
  }
}
