package io.shaledb.core.op.item;

import static io.shaledb.core.model.Values.l;
import static io.shaledb.core.model.Values.m;
import static io.shaledb.core.model.Values.n;
import static io.shaledb.core.model.Values.s;
import static io.shaledb.core.model.Values.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.api.AttributeAction;
import io.shaledb.core.api.ReturnConsumedCapacity;
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

/**
 * UpdateItem against the memory engine: creation, ReturnValues, conditions, the legacy AttributeUpdates and errors.
 * Messages are DynamoDB's as ExpressionsIT and LegacyParametersIT check them through the SDK.
 */
class UpdateItemTest {
  private static final Map<String, AttributeValue> KEY = Map.of("id", s("item"));
  private static final Map<String, AttributeValue> ITEM = Map.of("id", s("item"), "num", n(5),
      "doc", m(Map.of("deep", m(Map.of("x", n(1))), "y", s("why"))), "tags", ss("a", "b"), "g", s("g1"));

  private final Database db = new Database(new MemoryEngine(), Clock.systemUTC(), "us-east-1");
  @RegisterExtension
  final StoreInvariantsExtension invariants = new StoreInvariantsExtension(db);
  private final UpdateItem update = new UpdateItem(db, new WritePipeline(db));
  private final TestTables tables = new TestTables(db);

  UpdateItemTest() {
    tables.create("items", true, false, true);
    tables.put("items", List.of(ITEM));
  }

  private static UpdateItemInput input(Map<String, AttributeValue> key, String expression,
      Map<String, AttributeValue> values, ReturnValue returnValues) {
    return new UpdateItemInput("items", key, expression, null, null, values,
        returnValues == null ? null : Choice.of(returnValues), null, null, null, null, null, null);
  }

  private ItemOutput execute(UpdateItemInput input) {
    return Requests.run(update, input);
  }

  private Map<String, AttributeValue> stored(Map<String, AttributeValue> key) {
    return tables.get("items", key);
  }

  @Test
  void update_ofAnAbsentItem_createsIt_fromItsKey() {
    ItemOutput created = execute(input(Map.of("id", s("new")), "SET a = :one", Map.of(":one", n(1)),
        ReturnValue.ALL_NEW));
    execute(input(Map.of("id", s("bare")), null, null, null));

    assertThat(created.attributes()).isEqualTo(Map.of("id", s("new"), "a", n(1)));
    assertThat(stored(Map.of("id", s("bare")))).as("no update at all still creates the item")
        .isEqualTo(Map.of("id", s("bare")));
  }

  @Test
  void update_removingEveryAttribute_leavesTheKey() {
    execute(input(KEY, "REMOVE num, doc, tags, g", null, null));

    assertThat(stored(KEY)).isEqualTo(KEY);
  }

  @Test
  void returnValues_allAndUpdatedOldAndNew() {
    Map<String, AttributeValue> six = Map.of(":six", n(6));

    ItemOutput allOld = execute(input(KEY, "SET num = :six", six, ReturnValue.ALL_OLD));
    ItemOutput updatedOld = execute(input(KEY, "SET num = :six, doc.deep.x = :six", six, ReturnValue.UPDATED_OLD));
    ItemOutput updatedNew = execute(input(KEY, "SET num = :seven", Map.of(":seven", n(7)), ReturnValue.UPDATED_NEW));
    ItemOutput allNew = execute(input(KEY, "REMOVE tags", null, ReturnValue.ALL_NEW));
    ItemOutput none = execute(input(KEY, "SET num = :six", six, ReturnValue.NONE));

    assertThat(allOld.attributes()).isEqualTo(ITEM);
    assertThat(updatedOld.attributes()).isEqualTo(Map.of("num", n(6), "doc", m(Map.of("deep", m(Map.of("x",
        n(1)))))));
    assertThat(updatedNew.attributes()).isEqualTo(Map.of("num", n(7)));
    assertThat(allNew.attributes()).isEqualTo(Map.of("id", s("item"), "num", n(7),
        "doc", m(Map.of("deep", m(Map.of("x", n(6))), "y", s("why"))), "g", s("g1")));
    assertThat(none.attributes()).isNull();
  }

  @Test
  void returnValues_updatedOldOfANewItem_orOfRemovedAttributesOnly_isNothing() {
    assertThat(execute(input(Map.of("id", s("new")), "SET a = :one", Map.of(":one", n(1)),
        ReturnValue.UPDATED_OLD)).attributes()).isNull();
    assertThat(execute(input(KEY, "REMOVE absent", null, ReturnValue.UPDATED_NEW)).attributes()).isNull();
  }

  @Test
  void condition_failing_isConditionalCheckFailed_andChangesNothing() {
    assertThatThrownBy(() -> execute(new UpdateItemInput("items", KEY, "SET num = :six", "num = :six", null,
        Map.of(":six", n(6)), null, null, null, Choice.of(ReturnValuesOnConditionCheckFailure.ALL_OLD), null, null,
        null)))
        .isInstanceOfSatisfying(DynamoException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.CONDITIONAL_CHECK_FAILED);
          assertThat(e.extra()).isEqualTo(Map.of("Item", ITEM));
        })
        .hasMessage("The conditional request failed");
    assertThat(stored(KEY)).isEqualTo(ITEM);
  }

  @Test
  void condition_andUpdate_shareTheirNamesAndValues() {
    execute(new UpdateItemInput("items", KEY, "SET #n = #n + :one", "#n < :six", Map.of("#n", "num"),
        Map.of(":one", n(1), ":six", n(6)), null, null, null, null, null, null, null));

    assertThat(stored(KEY)).containsEntry("num", n(6));
    assertThatThrownBy(() -> execute(new UpdateItemInput("items", KEY, "SET num = :one", "attribute_exists(id)", null,
        Map.of(":one", n(1), ":unused", n(2)), null, null, null, null, null, null, null)))
        .hasMessage("Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}");
  }

  @Test
  void keyAttributes_cannotBeUpdated() {
    for (String expression : List.of("SET id = :one", "REMOVE id", "ADD id :one")) {
      Map<String, AttributeValue> values = expression.contains(":one") ? Map.of(":one", n(1)) : null;
      assertThatThrownBy(() -> execute(input(KEY, expression, values, null))).as(expression)
          .hasMessage("One or more parameter values were invalid: Cannot update attribute id. This attribute is part"
              + " of the key");
    }
  }

  @Test
  void expressionErrors_comeInsideTheEnvelope_andChangeNothing() {
    assertThatThrownBy(() -> execute(input(KEY, "a".repeat(4200), null, null)))
        .hasMessage("1 validation error detected: Invalid UpdateExpression: Expression size has exceeded the maximum"
            + " allowed size; expression size: 4200");
    assertThatThrownBy(() -> execute(input(KEY, "SET a = :v", null, null)))
        .hasMessage("1 validation error detected: Invalid UpdateExpression: An expression attribute value used in"
            + " expression is not defined; attribute value: :v");
    assertThatThrownBy(() -> execute(input(KEY, "ADD a :v", Map.of(":v", s("x")), null)))
        .hasMessage("1 validation error detected: Invalid UpdateExpression: Incorrect operand type for operator or"
            + " function; operator: ADD, operand type: STRING, typeSet: ALLOWED_FOR_ADD_OPERAND");
    assertThatThrownBy(() -> execute(new UpdateItemInput("items", KEY, "SET a = :v", "((attribute_exists(a)))", null,
        Map.of(":v", n(1)), null, null, null, null, null, null, null)))
        .hasMessage("1 validation error detected: Invalid ConditionExpression: The expression has redundant"
            + " parentheses;");
    assertThatThrownBy(() -> execute(input(KEY, "", null, null)))
        .hasMessage("1 validation error detected: Invalid UpdateExpression: The expression can not be empty;");
    assertThat(stored(KEY)).isEqualTo(ITEM);
  }

  @Test
  void updatesThatCannotApplyToTheItem_areValidationErrors_andChangeNothing() {
    assertThatThrownBy(() -> execute(input(KEY, "ADD doc :one", Map.of(":one", n(1)), null)))
        .isInstanceOfSatisfying(DynamoException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION))
        .hasMessage("An operand in the update expression has an incorrect data type");
    assertThatThrownBy(() -> execute(input(KEY, "SET nope.deeper = :one", Map.of(":one", n(1)), null)))
        .hasMessage("The document path provided in the update expression is invalid for update");
    assertThatThrownBy(() -> execute(input(KEY, "SET big = :big", Map.of(":big", s("x".repeat(400 * 1024))), null)))
        .hasMessage("Item size has exceeded the maximum allowed size");
    assertThatThrownBy(() -> execute(input(KEY, "SET g = :n", Map.of(":n", n(1)), null)))
        .hasMessage("One or more parameter values were invalid: Type mismatch for Index Key g Expected: S Actual: N"
            + " IndexName: byG");
    assertThat(stored(KEY)).isEqualTo(ITEM);
  }

  @Test
  void attributeUpdates_putAddAndDelete() {
    // LegacyParametersIT's cases through the SDK.
    execute(new UpdateItemInput("items", KEY, null, null, null, null, null, null, null, null, Map.of(
        "num", new AttributeUpdate(n(2), Choice.of(AttributeAction.ADD)),
        "tags", new AttributeUpdate(ss("a"), Choice.of(AttributeAction.DELETE)),
        "list", new AttributeUpdate(l(n(1)), Choice.of(AttributeAction.ADD)),
        "put", new AttributeUpdate(s("p"), null)), null, null));
    execute(new UpdateItemInput("items", KEY, null, null, null, null, null, null, null, null, Map.of(
        "put", new AttributeUpdate(null, Choice.of(AttributeAction.DELETE)),
        "list", new AttributeUpdate(l(n(2)), Choice.of(AttributeAction.ADD))), null, null));

    assertThat(stored(KEY)).containsEntry("num", n(7)).containsEntry("tags", ss("b"))
        .containsEntry("list", l(n(1), n(2))).doesNotContainKey("put");
  }

  @Test
  void attributeUpdates_deletingFromAnAbsentItem_withUpdatedNew_leavesItAbsent_andReturnsNothing() {
    ItemOutput output = execute(new UpdateItemInput("items", Map.of("id", s("absent")), null, null, null, null,
        Choice.of(ReturnValue.UPDATED_NEW), null, null, null,
        Map.of("tags", new AttributeUpdate(ss("a"), Choice.of(AttributeAction.DELETE))), null, null));

    assertThat(output.attributes()).isNull();
    assertThat(stored(Map.of("id", s("absent")))).isNull();
  }

  @Test
  void attributeUpdates_errors() {
    assertThatThrownBy(() -> execute(new UpdateItemInput("items", KEY, "REMOVE num", null, null, null, null, null,
        null, null, Map.of("x", new AttributeUpdate(n(1), null)), null, null)))
        .hasMessage("1 validation error detected: Can not use both expression and non-expression parameters in the"
            + " same request: Non-expression parameters: {AttributeUpdates} Expression parameters: {UpdateExpression}");
    assertThatThrownBy(() -> execute(new UpdateItemInput("items", KEY, null, null, null, null, null, null, null, null,
        Map.of("x", new AttributeUpdate(s("s"), Choice.of(AttributeAction.ADD))), null, null)))
        .hasMessage("One or more parameter values were invalid: ADD action is not supported for the type S");
    assertThatThrownBy(() -> execute(new UpdateItemInput("items", KEY, null, null, null, null, null, null, null, null,
        Map.of("id", new AttributeUpdate(s("other"), null)), null, null)))
        .hasMessage("One or more parameter values were invalid: Cannot update attribute id. This attribute is part of"
            + " the key");
  }

  @Test
  void consumedCapacity_ofAnUpdate_isTheLargerOfTheItemsBeforeAndAfter() {
    ItemOutput grown = update.execute(new UpdateItemInput("items", KEY, "SET p = :p", null, null,
        Map.of(":p", s("x".repeat(2 * 1024))), null, Choice.of(ReturnConsumedCapacity.TOTAL), null, null, null, null,
        null), Requests.request());
    ItemOutput shrunk = update.execute(new UpdateItemInput("items", KEY, "REMOVE p", null, null, null, null,
        Choice.of(ReturnConsumedCapacity.TOTAL), null, null, null, null, null), Requests.request());

    // The item holds g, the key of the index byG, so TOTAL also counts the index entry written, charged by its own
    // size after the update (3 units grown, 1 shrunk) while the table is charged by the larger of the two items.
    assertThat(grown.consumedCapacity()).isEqualTo(new ConsumedCapacity("items", 6.0, null));
    assertThat(shrunk.consumedCapacity()).isEqualTo(new ConsumedCapacity("items", 4.0, null));
  }
}
