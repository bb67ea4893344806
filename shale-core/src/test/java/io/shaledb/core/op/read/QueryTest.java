package io.shaledb.core.op.read;

import static io.shaledb.core.model.Values.n;
import static io.shaledb.core.model.Values.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.api.ComparisonOperator;
import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.api.Select;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.ConsumedCapacity;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.PageItems;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.StoreInvariantsExtension;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.op.item.ExpectedCondition;
import io.shaledb.core.op.table.CreateTable;
import io.shaledb.core.op.table.CreateTableInput;
import io.shaledb.core.op.table.CreateTableInput.AttributeDefinition;
import io.shaledb.core.op.table.CreateTableInput.KeySchemaElement;
import io.shaledb.core.op.table.CreateTableInput.SecondaryIndex;
import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.IndexMetadata.ProjectionType;
import io.shaledb.core.schema.KeyType;
import io.shaledb.core.schema.ScalarType;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.write.ItemConsensus;
import io.shaledb.core.write.ItemWrite;
import io.shaledb.core.write.WriteCondition;
import io.shaledb.core.write.WritePipeline;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Query against the memory engine: key conditions, order, pages (Limit and 1 MB, counted before the filter), Select,
 * index reads and consumed capacity. Expected results and messages are DynamoDB's as QueryScanIT, IndexesIT and
 * GoldenErrorsIT check them through the SDK; key condition messages are the service's as quoted by users of the AWS
 * SDKs and CLI ("Query condition missed key schema element: id", "Query key condition not supported").
 */
class QueryTest {
  private final Database db = new Database(new MemoryEngine(), Clock.systemUTC(), "us-east-1");
  @RegisterExtension
  final StoreInvariantsExtension invariants = new StoreInvariantsExtension(db);
  private final WritePipeline writes = new WritePipeline(db);
  private final Query query = new Query(db, ItemConsensus.NONE);

  /**
   * Table "events": pk (S) and sk (N); local index byLsk on lsk (S), keys only, whose order is the reverse of sk's;
   * global index byG on g (S) and sk, projecting v. Partition p holds sk 1 to 10, partition other sk 1.
   */
  QueryTest() {
    SecondaryIndex local = new SecondaryIndex("byLsk", List.of(key("pk", KeyType.HASH), key("lsk", KeyType.RANGE)),
        Choice.of(ProjectionType.KEYS_ONLY), null, true, null);
    SecondaryIndex global = new SecondaryIndex("byG", List.of(key("g", KeyType.HASH), key("sk", KeyType.RANGE)),
        Choice.of(ProjectionType.INCLUDE), List.of("v"), true, null);
    new CreateTable(db).execute(new CreateTableInput("events", List.of(definition("pk", ScalarType.S),
        definition("sk", ScalarType.N), definition("lsk", ScalarType.S), definition("g", ScalarType.S)),
        List.of(key("pk", KeyType.HASH), key("sk", KeyType.RANGE)), Choice.of(BillingMode.PAY_PER_REQUEST), null, null,
        null, List.of(local), List.of(global), null, List.of()), Requests.request());
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int sk = 1; sk <= 10; sk++) {
      items.add(Map.of("pk", s("p"), "sk", n(sk), "v", s("v" + sk), "lsk", s("l" + (20 - sk)), "g", s("g" + sk % 2),
          "extra", s("e")));
    }
    items.add(Map.of("pk", s("other"), "sk", n(1), "g", s("g1")));
    write("events", items);
  }

  private static AttributeDefinition definition(String name, ScalarType type) {
    return new AttributeDefinition(name, Choice.of(type));
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return new KeySchemaElement(name, Choice.of(type));
  }

  private void write(String table, List<Map<String, AttributeValue>> items) {
    var metadata = db.catalog().find(table).orElseThrow();
    List<ItemWrite> puts = items.stream().map(item -> ItemWrite.put(metadata, KeyCodec.itemKey(metadata.keyspace(),
        item.get(metadata.keySchema().partitionKey().name()),
        metadata.keySchema().sortKey().map(k -> item.get(k.name())).orElse(null)), WriteCondition.NONE, item))
        .toList();
    writes.writeBatch(Requests.request(), puts);
  }

  /** A Query of {@code events}; the request's own parts are filled by the caller. */
  private static ReadRequest read(String index, String filter, String projection, Map<String, AttributeValue> values,
      Long limit, Select select, Map<String, AttributeValue> exclusiveStart) {
    return new ReadRequest("events", index, select == null ? null : Choice.of(select), null, projection, filter, null,
        values, limit, null, exclusiveStart, null, null, null);
  }

  private ReadPage execute(QueryInput input) {
    return Requests.run(query, input);
  }

  private ReadPage query(String keyCondition, Map<String, AttributeValue> values) {
    return execute(new QueryInput(read(null, null, null, values, null, null, null), keyCondition, null, null));
  }

  private static List<String> sortKeys(ReadPage page) {
    return PageItems.attributes(page.items()).stream().map(item -> ((AttributeValue.N) item.get("sk")).value()
        .toString()).toList();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "pk = :p AND sk = :two|2", "pk = :p AND sk < :two|1", "pk = :p AND sk <= :two|1,2",
    "pk = :p AND sk > :eight|9,10", "pk = :p AND sk >= :eight|8,9,10", "pk = :p AND sk BETWEEN :two AND :four|2,3,4",
    ":p = pk AND :eight < sk|9,10", "sk <= :two AND pk = :p|1,2", "pk = :p|1,2,3,4,5,6,7,8,9,10", "pk = :other|1",
    "pk = :nobody|''",
  })
  void keyConditions_selectTheirRangeOfOnePartition_inSortKeyOrder(String condition, String expected) {
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":p", s("p"), ":two", n(2), ":four", n(4),
        ":eight", n(8), ":other", s("other"), ":nobody", s("nobody")));
    values.keySet().removeIf(name -> !condition.contains(name));

    assertThat(String.join(",", sortKeys(query(condition, values)))).isEqualTo(expected);
  }

  @Test
  void scanIndexForwardFalse_readsInDescendingOrder() {
    ReadPage page = execute(new QueryInput(read(null, null, null, Map.of(":p", s("p"), ":three", n(3)), null, null,
        null), "pk = :p AND sk > :three", null, false));

    assertThat(sortKeys(page)).containsExactly("10", "9", "8", "7", "6", "5", "4");
  }

  @Test
  void beginsWith_onAStringSortKey_andLegacyKeyConditions() {
    new TestTables(db).create("strings", false, true, false);
    write("strings", List.of("a", "ab", "abc", "abd", "b", "a\u0000z").stream()
        .map(rk -> Map.of("id", s("p"), "rk", s(rk))).toList());
    ReadRequest all = new ReadRequest("strings", null, null, null, null, null, null, Map.of(":p", s("p"),
        ":ab", s("ab")), null, null, null, null, null, null);

    ReadPage expression = execute(new QueryInput(all, "id = :p AND begins_with(rk, :ab)", null, null));
    ReadPage legacy = execute(new QueryInput(new ReadRequest("strings", null, null, null, null, null, null, null, null,
        null, null, null, null, null), null, Map.of(
            "id", new ExpectedCondition(null, null, Choice.of(ComparisonOperator.EQ), List.of(s("p"))),
            "rk", new ExpectedCondition(null, null, Choice.of(ComparisonOperator.BEGINS_WITH), List.of(s("a")))),
        null));

    assertThat(PageItems.attributes(expression.items())).extracting(item -> item.get("rk"))
        .containsExactly(s("ab"), s("abc"), s("abd"));
    assertThat(PageItems.attributes(legacy.items())).extracting(item -> item.get("rk"))
        .containsExactly(s("a"), s("a\u0000z"), s("ab"), s("abc"), s("abd"));
  }

  @Test
  void limit_countsItemsReadBeforeTheFilter_andLastEvaluatedKeyIsTheLastRead() {
    ReadPage page = execute(new QueryInput(read(null, "v = :v6", null, Map.of(":p", s("p"), ":v6", s("v6")), 6L,
        null, null), "pk = :p", null, null));

    assertThat(page.scannedCount()).isEqualTo(6);
    assertThat(page.count()).isEqualTo(1);
    assertThat(sortKeys(page)).containsExactly("6");
    assertThat(page.lastEvaluatedKey()).isEqualTo(Map.of("pk", s("p"), "sk", n(6)));
  }

  @Test
  void pages_followedByTheirLastEvaluatedKey_seeEveryItemOnceInOrder_eitherWay() {
    for (Boolean forward : new Boolean[] {true, false}) {
      List<String> seen = new ArrayList<>();
      Map<String, AttributeValue> start = null;
      int pages = 0;
      do {
        ReadPage page = execute(new QueryInput(read(null, "v <> :v5", null, Map.of(":p", s("p"), ":v5", s("v5")), 3L,
            null, start), "pk = :p", null, forward));
        seen.addAll(sortKeys(page));
        start = page.lastEvaluatedKey();
        pages++;
      } while (start != null && pages < 10);

      List<String> expected = new ArrayList<>(List.of("1", "2", "3", "4", "6", "7", "8", "9", "10"));
      assertThat(seen).as("forward %s", forward).containsExactlyElementsOf(forward ? expected : expected.reversed());
      assertThat(pages).as("ten items read three a page").isEqualTo(4);
    }
  }

  @Test
  void pages_stopOnceOneMegabyteWasRead_beforeTheFilter() {
    new TestTables(db).create("big", false, true, false);
    String payload = "x".repeat(100_000);
    write("big", IntStream.range(0, 25).mapToObj(i -> Map.of("id", s("p"), "rk", s(String.format("%02d", i)),
        "payload", s(payload))).toList());
    ReadRequest read = new ReadRequest("big", null, null, null, null, "attribute_not_exists(payload)", null,
        Map.of(":p", s("p")), null, null, null, null, null, null);

    ReadPage first = execute(new QueryInput(read, "id = :p", null, null));

    int itemSize = 2 + 1 + 2 + 2 + 7 + payload.length();
    assertThat(first.count()).isZero();
    assertThat(first.scannedCount()).isEqualTo((int) Math.ceil(1024.0 * 1024 / itemSize));
    assertThat(first.lastEvaluatedKey()).isEqualTo(Map.of("id", s("p"), "rk",
        s(String.format("%02d", first.scannedCount() - 1))));
  }

  @Test
  void selectCount_andProjections() {
    Map<String, AttributeValue> p = Map.of(":p", s("p"));

    ReadPage count = execute(new QueryInput(read(null, null, null, p, null, Select.COUNT, null), "pk = :p", null,
        null));
    ReadPage projected = execute(new QueryInput(read(null, null, "v", p, 2L, null, null), "pk = :p", null, null));

    assertThat(count.items()).isNull();
    assertThat(count.count()).isEqualTo(10);
    assertThat(PageItems.attributes(projected.items())).containsExactly(Map.of("v", s("v1")), Map.of("v", s("v2")));
    assertThat(projected.lastEvaluatedKey()).as("the key, even where the projection leaves it out")
        .isEqualTo(Map.of("pk", s("p"), "sk", n(2)));
  }

  @Test
  void selectRules_haveDynamoDbsMessages() {
    Map<String, AttributeValue> p = Map.of(":p", s("p"));
    assertThatThrownBy(() -> execute(new QueryInput(read(null, null, "v", p, null, Select.COUNT, null), "pk = :p",
        null, null))).hasMessage("Cannot specify the ProjectionExpression when choosing to get only the Count");
    assertThatThrownBy(() -> execute(new QueryInput(read(null, null, null, p, null, Select.SPECIFIC_ATTRIBUTES, null),
        "pk = :p", null, null))).hasMessage("Must specify the AttributesToGet or ProjectionExpression when choosing"
            + " to get SPECIFIC_ATTRIBUTES");
    assertThatThrownBy(() -> execute(new QueryInput(read(null, null, null, p, null, Select.ALL_PROJECTED_ATTRIBUTES,
        null), "pk = :p", null, null))).hasMessage("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an"
            + " IndexName");
  }

  @Test
  void validate_limitAndSelect_haveQuerysMessages() {
    Map<String, AttributeValue> p = Map.of(":p", s("p"));
    assertThatThrownBy(() -> query.validate(new QueryInput(read(null, null, null, p, 0L, null, null), "pk = :p", null,
        null))).hasMessage("1 validation error detected: Value at 'Limit' failed to satisfy constraint: Member must"
            + " have value greater than or equal to 1");
    ReadRequest badSelect = new ReadRequest("events", null, Choice.of("SOME", Select.class), null, null, null, null,
        p, null, null, null, null, null, null);
    assertThatThrownBy(() -> query.validate(new QueryInput(badSelect, "pk = :p", null, null)))
        .hasMessage("1 validation error detected: Value 'SOME' at 'select' failed to satisfy constraint: Member must"
            + " satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "sk = :two|Query condition missed key schema element: pk",
    "pk < :p|Query key condition not supported",
    "pk = :p OR sk = :two|Invalid operator used in KeyConditionExpression: OR",
    "pk = :p AND sk <> :two|Invalid operator used in KeyConditionExpression: <>",
    "pk = :p AND pk = :p|KeyConditionExpressions must only contain one condition per key",
    "pk = :p AND sk = :s|One or more parameter values were invalid: Condition parameter type does not match schema"
        + " type",
    "pk = :p AND begins_with(sk, :two)|Invalid KeyConditionExpression: Incorrect operand type for operator or"
        + " function; operator or function: begins_with, operand type: N",
  })
  void invalidKeyConditions_areRefused(String condition, String message) {
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":p", s("p"), ":two", n(2), ":s", s("x")));
    values.keySet().removeIf(name -> !condition.contains(name));

    assertThatThrownBy(() -> query(condition, values))
        .isInstanceOfSatisfying(DynamoException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION))
        .hasMessage(message);
  }

  @Test
  void keyConditionsMissingOrEmpty_areRefused() {
    ReadRequest read = read(null, null, null, null, null, null, null);
    assertThatThrownBy(() -> execute(new QueryInput(read, null, null, null))).hasMessage("Either the KeyConditions or"
        + " KeyConditionExpression parameter must be specified in the request.");
    assertThatThrownBy(() -> execute(new QueryInput(read, null, Map.of(), null)))
        .hasMessage("Conditions can be of length 1 or 2 only");
  }

  @Test
  void globalIndex_readsItsProjection_inIndexKeyOrder_andPagesByIndexAndTableKey() {
    Map<String, AttributeValue> g0 = Map.of(":g", s("g0"));
    List<Map<String, AttributeValue>> seen = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    List<Map<String, AttributeValue>> lastKeys = new ArrayList<>();
    do {
      ReadPage page = execute(new QueryInput(read("byG", null, null, g0, 2L, null, start), "g = :g", null, null));
      seen.addAll(PageItems.attributes(page.items()));
      start = page.lastEvaluatedKey();
      if (start != null) {
        lastKeys.add(start);
      }
    } while (start != null && seen.size() < 20);

    assertThat(seen).extracting(item -> item.get("sk")).containsExactly(n(2), n(4), n(6), n(8), n(10));
    assertThat(seen).allSatisfy(item -> assertThat(item).containsOnlyKeys("pk", "sk", "g", "v"));
    assertThat(lastKeys.getFirst()).isEqualTo(Map.of("pk", s("p"), "sk", n(4), "g", s("g0")));
  }

  @Test
  void globalIndex_refusesConsistentReadsAndAllAttributesOfAPartialProjection() {
    // Messages as IndexesIT checks them through the SDK.
    assertThatThrownBy(() -> execute(new QueryInput(new ReadRequest("events", "byG", null, null, null, null, null,
        Map.of(":g", s("g0")), null, true, null, null, null, null), "g = :g", null, null)))
        .hasMessage("Consistent reads are not supported on global secondary indexes");
    assertThatThrownBy(() -> execute(new QueryInput(read("byG", null, null, Map.of(":g", s("g0")), null,
        Select.ALL_ATTRIBUTES, null), "g = :g", null, null)))
        .hasMessage("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global"
            + " secondary index byG because its projection type is not ALL");
    assertThatThrownBy(() -> execute(new QueryInput(read("nope", null, null, Map.of(":g", s("g0")), null, null,
        null), "g = :g", null, null))).hasMessage("The table does not have the specified index: nope");
  }

  /** DynamoDB Local 3.3.1's answers, in the words of a write of such a key to the table or to an index. */
  @Test
  void emptyKeyValues_ofTheTableOrAnIndex_areRefused() {
    assertThatThrownBy(() -> query("pk = :empty", Map.of(":empty", s(""))))
        .hasMessage("One or more parameter values are not valid. The AttributeValue for a key attribute cannot"
            + " contain an empty string value. Key: pk");
    assertThatThrownBy(() -> execute(new QueryInput(read("byG", null, null, Map.of(":g", s("")), null, null, null),
        "g = :g", null, null)))
        .hasMessage("One or more parameter values are not valid. A value specified for a secondary index key is not"
            + " supported. The AttributeValue for a key attribute cannot contain an empty string value. IndexName:"
            + " byG, IndexKey: g");
    assertThatThrownBy(() -> execute(new QueryInput(read("byLsk", null, null, Map.of(":p", s("p"), ":l", s("")),
        null, null, null), "pk = :p AND lsk <= :l", null, null)))
        .hasMessage("One or more parameter values are not valid. A value specified for a secondary index key is not"
            + " supported. The AttributeValue for a key attribute cannot contain an empty string value. IndexName:"
            + " byLsk, IndexKey: lsk");
  }

  @Test
  void localIndex_ordersByItsSortKey_andFetchesWhatItDoesNotProjectFromTheTable() {
    Map<String, AttributeValue> p = Map.of(":p", s("p"));
    RequestContext keysOnlyRead = Requests.request();
    ReadPage keysOnly = query.execute(new QueryInput(new ReadRequest("events", "byLsk", null, null, null, null, null,
        p, 3L, null, null, Choice.of(ReturnConsumedCapacity.TOTAL), null, null), "pk = :p", null, null), keysOnlyRead);
    ReadPage whole = query.execute(new QueryInput(new ReadRequest("events", "byLsk", Choice.of(Select.ALL_ATTRIBUTES),
        null, null, null, null, p, 3L, null, null, Choice.of(ReturnConsumedCapacity.TOTAL), null, null), "pk = :p",
        null, null), Requests.request());

    assertThat(PageItems.attributes(keysOnly.items())).containsExactly(
        Map.of("pk", s("p"), "sk", n(10), "lsk", s("l10")), Map.of("pk", s("p"), "sk", n(9), "lsk", s("l11")),
        Map.of("pk", s("p"), "sk", n(8), "lsk", s("l12")));
    assertThat(PageItems.attributes(whole.items())).extracting(item -> item.get("extra")).containsOnly(s("e"));
    assertThat(keysOnly.lastEvaluatedKey()).isEqualTo(Map.of("pk", s("p"), "sk", n(8), "lsk", s("l12")));
    assertThat(keysOnly.consumedCapacity()).isEqualTo(new ConsumedCapacity("events", 0.5, null));
    // Read through the index, the units are the index's share of the table's usage.
    assertThat(keysOnlyRead.capacity().usage()).singleElement()
        .satisfies(usage -> assertThat(usage.total()).isEqualTo(0.5));
  }

  @Test
  void exclusiveStartKey_notAKeyOfTheTarget_isRefused() {
    assertThatThrownBy(() -> execute(new QueryInput(read(null, null, null, Map.of(":p", s("p")), null, null,
        Map.of("pk", s("p"))), "pk = :p", null, null)))
        .hasMessage("The provided starting key is invalid: The provided key element does not match the schema");
    assertThatThrownBy(() -> execute(new QueryInput(read("byG", null, null, Map.of(":g", s("g0")), null, null,
        Map.of("pk", s("p"), "sk", n(2))), "g = :g", null, null)))
        .as("an index's start key without the index's attributes").hasMessage("The provided starting key is invalid");
  }

  @Test
  void consumedCapacity_isTheBytesReadInFourKilobyteUnits() {
    write("events", IntStream.rangeClosed(11, 13).mapToObj(sk -> Map.of("pk", s("p"), "sk", n(sk),
        "payload", s("x".repeat(3_000)))).toList());

    ReadPage strong = query.execute(new QueryInput(new ReadRequest("events", null, null, null, null, null, null,
        Map.of(":p", s("p")), null, true, null, Choice.of(ReturnConsumedCapacity.TOTAL), null, null), "pk = :p", null,
        null), Requests.request());
    ReadPage eventual = query.execute(new QueryInput(new ReadRequest("events", null, null, null, null, null, null,
        Map.of(":p", s("p")), null, false, null, Choice.of(ReturnConsumedCapacity.TOTAL), null, null), "pk = :p",
        null, null), Requests.request());

    assertThat(strong.consumedCapacity()).as("three items of 3 KB and ten small ones: 3 units")
        .isEqualTo(new ConsumedCapacity("events", 3.0, null));
    assertThat(eventual.consumedCapacity()).isEqualTo(new ConsumedCapacity("events", 1.5, null));
  }

  @Test
  void query_ofATableThatDoesNotExist_isResourceNotFound() {
    assertThatThrownBy(() -> execute(new QueryInput(new ReadRequest("missing", null, null, null, null, null, null,
        Map.of(":p", s("p")), null, null, null, null, null, null), "pk = :p", null, null)))
        .isInstanceOfSatisfying(DynamoException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
  }
}
