package io.shaledb.core.op.item;

import static io.shaledb.core.model.Values.l;
import static io.shaledb.core.model.Values.m;
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
import io.shaledb.core.op.PageItem;
import io.shaledb.core.op.PageItems;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.StoreInvariantsExtension;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.write.ItemConsensus;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GetItem against the memory engine; messages as GoldenErrorsIT (items.txt) and ExpressionsIT check them. */
class GetItemTest {
  private static final Map<String, AttributeValue> ITEM = Map.of("id", s("a"), "num", n(5),
      "doc", m(Map.of("deep", m(Map.of("x", n(1))), "y", s("why"))), "lst", l(s("p"), s("q")),
      "big", s("x".repeat(5_000)));

  private final Database db = new Database(new MemoryEngine(), Clock.systemUTC(), "us-east-1");
  @RegisterExtension
  final StoreInvariantsExtension invariants = new StoreInvariantsExtension(db);
  private final GetItem get = new GetItem(db, ItemConsensus.NONE);

  GetItemTest() {
    TestTables tables = new TestTables(db);
    tables.create("items", false, false, false);
    tables.create("ranged", false, true, false);
    tables.put("items", List.of(ITEM));
  }

  private static GetItemInput key(String id) {
    return new GetItemInput("items", Map.of("id", s(id)), null, null, null, null, null);
  }

  private GetItemOutput execute(GetItemInput input) {
    return Requests.run(get, input);
  }

  @Test
  void get_returnsTheItemAsStored_orNothing() {
    GetItemOutput found = execute(key("a"));

    assertThat(found.item()).isInstanceOf(PageItem.Stored.class);
    assertThat(PageItems.attributes(found.item())).isEqualTo(ITEM);
    assertThat(execute(key("missing")).item()).isNull();
    assertThat(found.consumedCapacity()).isNull();
  }

  @Test
  void get_withoutBlocking_answersAlike() {
    assertThat(PageItems.attributes(get.executeWithoutBlocking(key("a"), Requests.request()).item())).isEqualTo(ITEM);
    assertThat(get.executeWithoutBlocking(key("missing"), Requests.request()).item()).isNull();
  }

  @Test
  void projectionExpression_selectsPaths_withNames() {
    GetItemOutput projected = execute(new GetItemInput("items", Map.of("id", s("a")), null, null,
        "#d.deep.x, lst[1], num, absent", Map.of("#d", "doc"), null));

    assertThat(PageItems.attributes(projected.item())).isEqualTo(Map.of("doc", m(Map.of("deep", m(Map.of("x",
        n(1))))), "lst", l(s("q")), "num", n(5)));
  }

  @Test
  void attributesToGet_selectsTopLevelAttributes() {
    GetItemOutput projected = execute(new GetItemInput("items", Map.of("id", s("a")), null, List.of("num", "doc.y",
        "absent"), null, null, null));

    assertThat(PageItems.attributes(projected.item())).isEqualTo(Map.of("num", n(5)));
  }

  @Test
  void projectionErrors_haveDynamoDbsMessages() {
    assertThatThrownBy(() -> execute(new GetItemInput("items", Map.of("id", s("a")), null, List.of("a", "a"), null,
        null, null))).hasMessage("One or more parameter values were invalid: Duplicate value in attribute name: a");
    assertThatThrownBy(() -> execute(new GetItemInput("items", Map.of("id", s("a")), null, List.of("a"), "a", null,
        null))).hasMessage("Can not use both expression and non-expression parameters in the same request:"
            + " Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}");
    assertThatThrownBy(() -> execute(new GetItemInput("items", Map.of("id", s("a")), null, null, "#a",
        Map.of("#a", "num", "#b", "doc", "#c", "x"), null)))
        .hasMessage("Value provided in ExpressionAttributeNames unused in expressions: keys: {#b, #c}");
    assertThatThrownBy(() -> execute(new GetItemInput("items", Map.of("id", s("a")), null, null, null,
        Map.of("#a", "num"), null)))
        .hasMessage("ExpressionAttributeNames can only be specified when using expressions");
  }

  @Test
  void keysNotMatchingTheSchema_areRefused() {
    for (Map<String, AttributeValue> key : List.of(Map.of("id", n(1)), Map.of("id", s("a"), "extra", s("b")),
        Map.<String, AttributeValue>of("other", s("a")))) {
      assertThatThrownBy(() -> execute(new GetItemInput("items", key, null, null, null, null, null)))
          .as("%s", key).hasMessage("The provided key element does not match the schema");
    }
    assertThatThrownBy(() -> execute(new GetItemInput("ranged", Map.of("id", s("a")), null, null, null, null,
        null))).hasMessage("The provided key element does not match the schema");
  }

  @Test
  void get_fromATableThatDoesNotExist_isResourceNotFound() {
    assertThatThrownBy(() -> execute(new GetItemInput("missing", Map.of("id", s("a")), null, null, null, null, null)))
        .isInstanceOfSatisfying(DynamoException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND))
        .hasMessage("Requested resource not found");
  }

  @Test
  void validate_tableNameAndEmptyAttributesToGet() {
    assertThatThrownBy(() -> get.validate(new GetItemInput("", Map.of(), null, null, null, null, null)))
        .hasMessage("1 validation error detected: Value '' at 'tableName' failed to satisfy constraint: Member must"
            + " have length greater than or equal to 1");
    assertThatThrownBy(() -> get.validate(new GetItemInput("a".repeat(256), Map.of(), null, null, null, null, null)))
        .hasMessage("1 validation error detected: Value '" + "a".repeat(256) + "' at 'tableName' failed to satisfy"
            + " constraint: Member must have length less than or equal to 255");
    get.validate(new GetItemInput("ab", Map.of(), null, null, null, null, null));
    assertThatThrownBy(() -> get.validate(new GetItemInput("items", null, null, List.of(), null, null, null)))
        .hasMessage("2 validation errors detected: Value null at 'key' failed to satisfy constraint: Member must not"
            + " be null; Value '[]' at 'attributesToGet' failed to satisfy constraint: Member must have length greater"
            + " than or equal to 1");
  }

  @Test
  void consumedCapacity_isFourKilobyteUnits_halvedForEventualConsistency() {
    // As QueryScanIT checks through the SDK: 1 unit strongly consistent, 0.5 eventually, at least one unit.
    RequestContext strong = Requests.request();
    GetItemOutput strongRead = get.execute(new GetItemInput("items", Map.of("id", s("a")), true, null, null, null,
        Choice.of(ReturnConsumedCapacity.TOTAL)), strong);
    GetItemOutput eventualRead = get.execute(new GetItemInput("items", Map.of("id", s("a")), false, null, null, null,
        Choice.of(ReturnConsumedCapacity.INDEXES)), Requests.request());
    GetItemOutput missing = get.execute(new GetItemInput("items", Map.of("id", s("none")), null, null, null, null,
        Choice.of(ReturnConsumedCapacity.TOTAL)), Requests.request());

    assertThat(strongRead.consumedCapacity()).as("a 5 KB item").isEqualTo(new ConsumedCapacity("items", 2.0, null));
    assertThat(eventualRead.consumedCapacity()).isEqualTo(new ConsumedCapacity("items", 1.0, new ConsumedCapacity.Shares(1.0, Map.of(), Map.of())));
    assertThat(missing.consumedCapacity()).isEqualTo(new ConsumedCapacity("items", 0.5, null));
    assertThat(strong.capacity().usage()).singleElement()
        .satisfies(usage -> assertThat(usage.readUnits()).isEqualTo(2.0));
  }
}
