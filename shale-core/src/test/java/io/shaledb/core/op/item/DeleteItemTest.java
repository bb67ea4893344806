package io.shaledb.core.op.item;

import static io.shaledb.core.model.Values.n;
import static io.shaledb.core.model.Values.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.api.ReturnItemCollectionMetrics;
import io.shaledb.core.api.ReturnValue;
import io.shaledb.core.api.ReturnValuesOnConditionCheckFailure;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.ConsumedCapacity;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.StoreInvariantsExtension;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.write.WritePipeline;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DeleteItem against the memory engine; messages as GoldenErrorsIT (items.txt) and ExpressionsIT check them. */
class DeleteItemTest {
  private static final Map<String, AttributeValue> KEY = Map.of("id", s("a"));
  private static final Map<String, AttributeValue> ITEM = Map.of("id", s("a"), "v", n(1), "g", s("g"),
      "p", s("x".repeat(3 * 1024)));

  private final Database db = new Database(new MemoryEngine(), Clock.systemUTC(), "us-east-1");
  @RegisterExtension
  final StoreInvariantsExtension invariants = new StoreInvariantsExtension(db);
  private final DeleteItem delete = new DeleteItem(db, new WritePipeline(db));
  private final TestTables tables = new TestTables(db);

  DeleteItemTest() {
    tables.create("items", true, false, true);
    tables.create("ranged", false, true, false);
    tables.put("items", List.of(ITEM));
    tables.put("ranged", List.of(Map.of("id", s("p"), "rk", s("1"), "s", s("x")), Map.of("id", s("p"), "rk",
        s("2"))));
  }

  private static DeleteItemInput input(Map<String, AttributeValue> key, ReturnValue returnValues,
      String condition, Map<String, AttributeValue> values, ReturnValuesOnConditionCheckFailure onFailure) {
    return new DeleteItemInput("items", key, returnValues == null ? null : Choice.of(returnValues), null, null,
        condition, null, values, onFailure == null ? null : Choice.of(onFailure), null, null);
  }

  private ItemOutput execute(DeleteItemInput input) {
    return Requests.run(delete, input);
  }

  private Map<String, AttributeValue> stored(Map<String, AttributeValue> key) {
    return tables.get("items", key);
  }

  @Test
  void delete_removesTheItem_andReturnsItWhenAsked() {
    ItemOutput deleted = execute(input(KEY, ReturnValue.ALL_OLD, null, null, null));

    assertThat(deleted.attributes()).isEqualTo(ITEM);
    assertThat(stored(KEY)).isNull();
  }

  @Test
  void delete_ofAnAbsentItem_succeeds_withNothingToReturn() {
    assertThat(execute(input(Map.of("id", s("none")), ReturnValue.ALL_OLD, null, null, null)).attributes()).isNull();
    assertThat(execute(input(KEY, ReturnValue.NONE, null, null, null)).attributes()).isNull();
  }

  @Test
  void delete_conditionFails_isConditionalCheckFailed_andTheItemStays() {
    assertThatThrownBy(() -> execute(input(KEY, null, "v = :two", Map.of(":two", n(2)),
        ReturnValuesOnConditionCheckFailure.ALL_OLD)))
        .isInstanceOfSatisfying(DynamoException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.CONDITIONAL_CHECK_FAILED);
          assertThat(e.extra()).isEqualTo(Map.of("Item", ITEM));
        })
        .hasMessage("The conditional request failed");
    assertThatThrownBy(() -> execute(input(Map.of("id", s("none")), null, "attribute_exists(id)", null, null)))
        .isInstanceOfSatisfying(DynamoException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CONDITIONAL_CHECK_FAILED));
    assertThat(stored(KEY)).isEqualTo(ITEM);

    execute(input(KEY, null, "v = :one", Map.of(":one", n(1)), null));
    assertThat(stored(KEY)).isNull();
  }

  @Test
  void delete_conditionExpressionErrors_stayBare() {
    assertThatThrownBy(() -> execute(input(KEY, null, "((attribute_exists(v)))", null, null)))
        .hasMessage("Invalid ConditionExpression: The expression has redundant parentheses;");
    assertThat(stored(KEY)).isEqualTo(ITEM);
  }

  @Test
  void delete_refusesReturnValuesOtherThanAllOldOrNone_andKeysNotMatchingTheSchema() {
    assertThatThrownBy(() -> execute(input(KEY, ReturnValue.UPDATED_NEW, null, null, null)))
        .hasMessage("ReturnValues can only be ALL_OLD or NONE");
    assertThatThrownBy(() -> execute(input(Map.of("id", s("a"), "v", n(1)), null, null, null, null)))
        .hasMessage("The provided key element does not match the schema");
    assertThatThrownBy(() -> delete.validate(new DeleteItemInput("items", null, null, null, null, null, null, null,
        null, null, null))).hasMessage("1 validation error detected: Value null at 'key' failed to satisfy constraint:"
            + " Member must not be null");
    assertThat(stored(KEY)).isEqualTo(ITEM);
  }

  @Test
  void consumedCapacity_isTheDeletedItemsSize_orOneUnit() {
    // A 3 KB item: 4 write units on the table and 4 on the global index projecting it all; the total counts both.
    ItemOutput deleted = delete.execute(new DeleteItemInput("items", KEY, null,
        Choice.of(ReturnConsumedCapacity.TOTAL), null, null, null, null, null, null, null), Requests.request());
    ItemOutput absent = delete.execute(new DeleteItemInput("items", KEY, null,
        Choice.of(ReturnConsumedCapacity.TOTAL), null, null, null, null, null, null, null), Requests.request());

    assertThat(deleted.consumedCapacity()).isEqualTo(new ConsumedCapacity("items", 8.0, null));
    assertThat(absent.consumedCapacity()).isEqualTo(new ConsumedCapacity("items", 1.0, null));
  }

  @Test
  void itemCollectionMetrics_afterADeleteFromACollection() {
    ItemOutput output = delete.execute(new DeleteItemInput("ranged", Map.of("id", s("p"), "rk", s("1")), null, null,
        Choice.of(ReturnItemCollectionMetrics.SIZE), null, null, null, null, null, null), Requests.request());

    assertThat(output.itemCollectionMetrics()).isEqualTo(new ItemCollectionMetrics(Map.of("id", s("p")), 0, 1));
  }
}
