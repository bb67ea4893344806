package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.junit.ShaleDbTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** Conditions, updates and projections through the AWS SDK, with DynamoDB's semantics and messages. */
@ShaleDbTest
class ExpressionsIT {
  private final DynamoDbClient client;
  private String table;

  ExpressionsIT(DynamoDbClient client) {
    this.client = client;
  }

  private static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  private static AttributeValue n(String v) {
    return AttributeValue.fromN(v);
  }

  private static AttributeValue l(AttributeValue... values) {
    return AttributeValue.fromL(List.of(values));
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of("id", s(id));
  }

  @BeforeEach
  void createTableWithItem() {
    table = Tables.createSimple(client, "expr");
    client.putItem(r -> r.tableName(table).item(Map.of(
        "id", s("item"),
        "num", n("5"),
        "str", s("hello world"),
        "bin", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2, 3})),
        "tags", AttributeValue.fromSs(List.of("red", "blue")),
        "nums", AttributeValue.fromNs(List.of("1", "2")),
        "lst", l(s("a"), s("b"), s("c")),
        "doc", AttributeValue.fromM(Map.of("deep", AttributeValue.fromM(Map.of("x", n("1"))), "y", s("why"))),
        "flag", AttributeValue.fromBool(true),
        "nothing", AttributeValue.fromNul(true))));
  }

  private boolean conditionHolds(String condition, Map<String, AttributeValue> values) {
    try {
      client.updateItem(r -> {
        r.tableName(table).key(key("item")).conditionExpression(condition).updateExpression("SET touched = :t");
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":t", n("1"));
        r.expressionAttributeValues(all);
      });
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "num = :five|true", "num <> :five|false", "num < :six|true", "num <= :five|true", "num > :five|false",
    "num >= :six|false", "str = :five|false", "absent <> :five|true", "absent = :five|false",
    "num BETWEEN :five AND :six|true", "num BETWEEN :six AND :seven|false", "num IN (:six, :five)|true",
    "num IN (:six, :seven)|false", "attribute_exists(num)|true", "attribute_exists(absent)|false",
    "attribute_not_exists(absent)|true", "attribute_exists(doc.deep.x)|true",
    "attribute_exists(doc.deep.z)|false", "attribute_exists(lst[2])|true", "attribute_exists(lst[3])|false",
    "attribute_type(num, :typeN)|true", "attribute_type(str, :typeN)|false", "begins_with(str, :hel)|true",
    "begins_with(str, :world)|false", "contains(str, :world)|true", "contains(tags, :red)|true",
    "contains(tags, :world)|false", "contains(lst, :b)|true", "contains(nums, :one)|true",
    "size(str) = :eleven|true", "size(lst) = :three|true", "size(tags) = :two|true", "size(doc) = :two|true",
    "size(bin) = :three|true", "size(num) = :one|false", "NOT num = :five|false",
    "num = :five AND str = :hello|false", "num = :five OR str = :hello|true",
    "(num = :six OR num = :five) AND NOT attribute_exists(absent)|true", "flag = :true|true",
    "nothing = :null|true", "tags = :redblue|true", "doc.y = :why|true", "lst[1] = :b|true",
    "str < :world|true"
  })
  void conditions_evaluateLikeDynamoDb(String condition, boolean expected) {
    Map<String, AttributeValue> candidates = new HashMap<>(Map.ofEntries(
        Map.entry(":one", n("1")), Map.entry(":two", n("2")), Map.entry(":three", n("3")),
        Map.entry(":five", n("5")), Map.entry(":six", n("6")), Map.entry(":seven", n("7")),
        Map.entry(":eleven", n("11")), Map.entry(":typeN", s("N")), Map.entry(":hel", s("hel")),
        Map.entry(":world", s("world")), Map.entry(":red", s("red")), Map.entry(":b", s("b")),
        Map.entry(":hello", s("hello")), Map.entry(":true", AttributeValue.fromBool(true)),
        Map.entry(":null", AttributeValue.fromNul(true)),
        Map.entry(":redblue", AttributeValue.fromSs(List.of("blue", "red"))), Map.entry(":why", s("why"))));
    candidates.keySet().removeIf(name -> !condition.contains(name + ")") && !condition.contains(name + " ")
        && !condition.endsWith(name) && !condition.contains(name + ","));
    assertThat(conditionHolds(condition, candidates)).isEqualTo(expected);
  }

  @Test
  void updates_setArithmeticFunctionsRemoveAddDelete() {
    UpdateItemResponse response = client.updateItem(r -> r.tableName(table).key(key("item"))
        .updateExpression("SET num = num + :two, fresh = if_not_exists(fresh, :zero), str = if_not_exists(str, :x),"
            + " lst = list_append(lst, :more), doc.deep.z = :two"
            + " REMOVE flag, nothing ADD tally :two, tags :green DELETE nums :one")
        .expressionAttributeValues(Map.of(":two", n("2"), ":zero", n("0"), ":x", s("x"),
            ":more", l(s("d")), ":green", AttributeValue.fromSs(List.of("green")),
            ":one", AttributeValue.fromNs(List.of("1"))))
        .returnValues(ReturnValue.ALL_NEW));

    Map<String, AttributeValue> item = response.attributes();
    assertThat(item.get("num")).isEqualTo(n("7"));
    assertThat(item.get("fresh")).isEqualTo(n("0"));
    assertThat(item.get("str")).isEqualTo(s("hello world"));
    assertThat(item).doesNotContainKeys("flag", "nothing");
    assertThat(item.get("tally")).isEqualTo(n("2"));
    assertThat(item.get("tags").ss()).containsExactlyInAnyOrder("red", "blue", "green");
    assertThat(item.get("nums").ns()).containsExactly("2");
    assertThat(item.get("doc").m().get("deep").m()).containsEntry("z", n("2"));
    assertThat(item.get("lst")).isEqualTo(l(s("a"), s("b"), s("c"), s("d")));
    client.updateItem(r -> r.tableName(table).key(key("item"))
        .updateExpression("SET lst[10] = :last").expressionAttributeValues(Map.of(":last", s("e"))));
    assertThat(client.getItem(r -> r.tableName(table).key(key("item"))).item().get("lst"))
        .as("SET past the end of a list appends").isEqualTo(l(s("a"), s("b"), s("c"), s("d"), s("e")));
  }

  @Test
  void remove_listElements_usesOriginalIndexesAndShifts() {
    client.updateItem(r -> r.tableName(table).key(key("item")).updateExpression("REMOVE lst[0], lst[2]"));

    assertThat(client.getItem(r -> r.tableName(table).key(key("item"))).item().get("lst")).isEqualTo(l(s("b")));
  }

  @Test
  void delete_lastSetElements_removesTheAttribute() {
    client.updateItem(r -> r.tableName(table).key(key("item")).updateExpression("DELETE tags :all")
        .expressionAttributeValues(Map.of(":all", AttributeValue.fromSs(List.of("red", "blue")))));

    assertThat(client.getItem(r -> r.tableName(table).key(key("item"))).item()).doesNotContainKey("tags");
  }

  @Test
  void updateItem_absentItem_isCreated_andRemovingEverythingLeavesTheKey() {
    UpdateItemResponse created = client.updateItem(r -> r.tableName(table).key(key("new"))
        .updateExpression("SET a = :a").expressionAttributeValues(Map.of(":a", n("1")))
        .returnValues(ReturnValue.ALL_NEW));
    client.updateItem(r -> r.tableName(table).key(key("new")).updateExpression("REMOVE a"));

    assertThat(created.attributes()).isEqualTo(Map.of("id", s("new"), "a", n("1")));
    assertThat(client.getItem(r -> r.tableName(table).key(key("new"))).item()).isEqualTo(key("new"));
  }

  @Test
  void returnValues_updatedOldAndNew_returnOnlyTheUpdatedPaths() {
    UpdateItemResponse old = client.updateItem(r -> r.tableName(table).key(key("item"))
        .updateExpression("SET num = :six, doc.deep.x = :six").expressionAttributeValues(Map.of(":six", n("6")))
        .returnValues(ReturnValue.UPDATED_OLD));
    UpdateItemResponse fresh = client.updateItem(r -> r.tableName(table).key(key("item"))
        .updateExpression("SET num = :seven").expressionAttributeValues(Map.of(":seven", n("7")))
        .returnValues(ReturnValue.UPDATED_NEW));

    assertThat(old.attributes()).isEqualTo(Map.of("num", n("5"), "doc",
        AttributeValue.fromM(Map.of("deep", AttributeValue.fromM(Map.of("x", n("1")))))));
    assertThat(fresh.attributes()).isEqualTo(Map.of("num", n("7")));
  }

  @Test
  void conditionFailure_returnsOldItemWhenAsked() {
    assertThatThrownBy(() -> client.putItem(r -> r.tableName(table).item(key("item"))
        .conditionExpression("attribute_not_exists(id)")
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
        .isInstanceOfSatisfying(ConditionalCheckFailedException.class, e -> {
          assertThat(e.getMessage()).startsWith("The conditional request failed");
          assertThat(e.item()).containsEntry("num", n("5"));
        });
    assertThatThrownBy(() -> client.deleteItem(r -> r.tableName(table).key(key("item"))
        .conditionExpression("num = :six").expressionAttributeValues(Map.of(":six", n("6")))))
        .isInstanceOfSatisfying(ConditionalCheckFailedException.class, e -> assertThat(e.hasItem()).isFalse());
    assertThat(client.getItem(r -> r.tableName(table).key(key("item"))).hasItem()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "SET num = str + :two|An operand in the update expression has an incorrect data type",
    "ADD str :two|An operand in the update expression has an incorrect data type",
    "SET a = absent + :two|The provided expression refers to an attribute that does not exist in the item",
    "SET nope.deeper = :two|The document path provided in the update expression is invalid for update",
    "SET num.deep = :two|The document path provided in the update expression is invalid for update",
    "SET num = :huge + :huge|Number overflow. Attempting to store a number with magnitude larger than supported"
        + " range",
    "SET id = :two|One or more parameter values were invalid: Cannot update attribute id. This attribute is part"
        + " of the key",
    "SET a = :two, a = :two|1 validation error detected: Invalid UpdateExpression: Two document paths overlap with"
        + " each other; must remove or rewrite one of these paths; path one: [a], path two: [a]",
    "SET doc.y = :two REMOVE doc|1 validation error detected: Invalid UpdateExpression: Two document paths overlap"
        + " with each other; must remove or rewrite one of these paths; path one: [doc, y], path two: [doc]",
    "SET lst[0] = :two REMOVE lst.x|1 validation error detected: Invalid UpdateExpression: Two document paths"
        + " conflict with each other; must remove or rewrite one of these paths; path one: [lst, [0]], path two:"
        + " [lst, x]",
    "SET a = :undefined|1 validation error detected: Invalid UpdateExpression: An expression attribute value used in"
        + " expression is not defined; attribute value: :undefined",
    "SET #undefined = :two|1 validation error detected: Invalid UpdateExpression: An expression attribute name used"
        + " in the document path is not defined; attribute name: #undefined",
    "SET num = :two +|1 validation error detected: Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near:"
        + " \"+\"",
  })
  void updateErrors_haveDynamoDbMessages(String update, String message) {
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":two", n("2"),
        ":huge", n("9.9999999999999999999999999999999999999E+125")));
    values.keySet().removeIf(name -> !update.contains(name));
    assertThatThrownBy(() -> client.updateItem(r -> r.tableName(table).key(key("item")).updateExpression(update)
        .expressionAttributeValues(values.isEmpty() ? null : values)))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageStartingWith(message + " (Service: DynamoDb, Status Code: 400");
  }

  @Test
  void attributeNamesAndValues_unusedOrEmpty_areRejected() {
    assertThatThrownBy(() -> client.updateItem(r -> r.tableName(table).key(key("item"))
        .updateExpression("SET a = :a").expressionAttributeValues(Map.of(":a", n("1"), ":x", n("2")))))
        .hasMessageStartingWith("Value provided in ExpressionAttributeValues unused in expressions: keys: {:x}");
    assertThatThrownBy(() -> client.getItem(r -> r.tableName(table).key(key("item"))
        .projectionExpression("#a").expressionAttributeNames(Map.of("#a", "num", "#b", "str", "#c", "x"))))
        .hasMessageStartingWith("Value provided in ExpressionAttributeNames unused in expressions: keys: {#b, #c}");
    assertThatThrownBy(() -> client.getItem(r -> r.tableName(table).key(key("item"))
        .expressionAttributeNames(Map.of("#a", "num"))))
        .hasMessageStartingWith("ExpressionAttributeNames can only be specified when using expressions");
    assertThatThrownBy(() -> client.putItem(r -> r.tableName(table).item(key("x"))
        .conditionExpression("attribute_exists(#name)")
        .expressionAttributeNames(Map.of("name", "x"))))
        .hasMessageStartingWith("ExpressionAttributeNames contains invalid key: Syntax error; key: \"name\"");
    assertThatThrownBy(() -> client.putItem(r -> r.tableName(table).item(key("x"))
        .conditionExpression("size = :v").expressionAttributeValues(Map.of(":v", n("1")))))
        .hasMessageStartingWith("1 validation error detected: Invalid ConditionExpression: Attribute name is a"
            + " reserved keyword; reserved keyword: size");
  }

  @Test
  void concurrentConditionalIncrements_loseNoUpdate() throws Exception {
    client.putItem(r -> r.tableName(table).item(Map.of("id", s("tally"), "n", n("0"))));
    int threads = 8;
    int increments = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      done.add(pool.submit(() -> {
        for (int i = 0; i < increments; i++) {
          while (true) {
            String current = client.getItem(r -> r.tableName(table).key(key("tally")).consistentRead(true))
                .item().get("n").n();
            try {
              client.updateItem(r -> r.tableName(table).key(key("tally"))
                  .updateExpression("SET n = n + :one").conditionExpression("n = :seen")
                  .expressionAttributeValues(Map.of(":one", n("1"), ":seen", n(current))));
              break;
            } catch (ConditionalCheckFailedException lostRace) {
              Thread.onSpinWait();
            }
          }
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    assertThat(client.getItem(r -> r.tableName(table).key(key("tally"))).item().get("n"))
        .isEqualTo(n(String.valueOf(threads * increments)));
  }
}
