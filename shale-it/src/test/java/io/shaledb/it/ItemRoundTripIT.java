package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.junit.ShaleDbTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

@ShaleDbTest
class ItemRoundTripIT {
  private final DynamoDbClient client;

  ItemRoundTripIT(DynamoDbClient client) {
    this.client = client;
  }

  private static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  private static AttributeValue n(String v) {
    return AttributeValue.fromN(v);
  }

  @Test
  void putItem_everyAttributeType_roundTrips() {
    String table = Tables.createSimple(client, "types");
    Map<String, AttributeValue> item = Map.ofEntries(
        Map.entry("id", s("all-types")),
        Map.entry("s", s("héllo wörld ✓ 😀")),
        Map.entry("emptyString", s("")),
        Map.entry("n", n("-123.456")),
        Map.entry("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, (byte) 0x7F, (byte) 0x80,
            (byte) 0xFF}))),
        Map.entry("emptyBinary", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[0]))),
        Map.entry("ss", AttributeValue.fromSs(List.of("a", "b", "c"))),
        Map.entry("ns", AttributeValue.fromNs(List.of("1", "2.5", "-3"))),
        Map.entry("bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("x"), SdkBytes.fromUtf8String("y")))),
        Map.entry("m", AttributeValue.fromM(Map.of("nested", AttributeValue.fromM(Map.of("deep", s("v"))),
            "list", AttributeValue.fromL(List.of(n("1"), s("two")))))),
        Map.entry("l", AttributeValue.fromL(List.of(s("x"), n("1"), AttributeValue.fromBool(true),
            AttributeValue.fromNul(true), AttributeValue.fromL(List.of()), AttributeValue.fromM(Map.of())))),
        Map.entry("bool", AttributeValue.fromBool(false)),
        Map.entry("null", AttributeValue.fromNul(true)));
    client.putItem(r -> r.tableName(table).item(item));

    GetItemResponse got = client.getItem(r -> r.tableName(table).key(Map.of("id", s("all-types"))));

    assertThat(got.item()).isEqualTo(item);
  }

  @Test
  void numbers_areNormalised_andKeysWrittenDifferentlyAreTheSameItem() {
    String table = Tables.create(client, "numbers", "pk", ScalarAttributeType.N, null, null);
    client.putItem(r -> r.tableName(table).item(Map.of("pk", n("1.0"), "v", n("0012.3400"), "big", n("1E+5"),
        "small", n("-0.00012E-3"))));

    Map<String, AttributeValue> item = client.getItem(r -> r.tableName(table).key(Map.of("pk", n("10E-1"))))
        .item();

    assertThat(item).containsEntry("pk", n("1")).containsEntry("v", n("12.34"))
        .containsEntry("big", n("100000")).containsEntry("small", n("-0.00000012"));
    client.putItem(r -> r.tableName(table).item(Map.of("pk", n("1"), "v", n("2"))));
    assertThat(client.getItem(r -> r.tableName(table).key(Map.of("pk", n("1.000")))).item())
        .isEqualTo(Map.of("pk", n("1"), "v", n("2")));
    assertThat(client.describeTable(r -> r.tableName(table)).table().itemCount()).isEqualTo(1);
  }

  @Test
  void compositeKeys_identifyItems() {
    String table = Tables.create(client, "composite", "pk", ScalarAttributeType.S, "sk", ScalarAttributeType.B);
    for (int i = 0; i < 3; i++) {
      byte[] sk = {(byte) (0xFD + i)};
      int index = i;
      client.putItem(r -> r.tableName(table).item(Map.of("pk", s("p"), "sk",
          AttributeValue.fromB(SdkBytes.fromByteArray(sk)), "i", n(String.valueOf(index)))));
    }
    Map<String, AttributeValue> key = Map.of("pk", s("p"), "sk",
        AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {(byte) 0xFE})));
    assertThat(client.getItem(r -> r.tableName(table).key(key)).item()).containsEntry("i", n("1"));
  }

  @Test
  void putItem_returnValuesAllOld_returnsReplacedItem() {
    String table = Tables.createSimple(client, "allold");
    PutItemResponse first = client.putItem(r -> r.tableName(table).item(Map.of("id", s("k"), "v", n("1")))
        .returnValues(ReturnValue.ALL_OLD));
    PutItemResponse second = client.putItem(r -> r.tableName(table).item(Map.of("id", s("k"), "v", n("2")))
        .returnValues(ReturnValue.ALL_OLD));

    assertThat(first.hasAttributes()).isFalse();
    assertThat(second.attributes()).isEqualTo(Map.of("id", s("k"), "v", n("1")));
  }

  @Test
  void deleteItem_removesItem_andReturnsOldWhenAsked() {
    String table = Tables.createSimple(client, "delete");
    client.putItem(r -> r.tableName(table).item(Map.of("id", s("k"), "v", n("1"))));

    DeleteItemResponse deleted = client.deleteItem(r -> r.tableName(table).key(Map.of("id", s("k")))
        .returnValues(ReturnValue.ALL_OLD));
    DeleteItemResponse again = client.deleteItem(r -> r.tableName(table).key(Map.of("id", s("k")))
        .returnValues(ReturnValue.ALL_OLD));

    assertThat(deleted.attributes()).isEqualTo(Map.of("id", s("k"), "v", n("1")));
    assertThat(again.hasAttributes()).isFalse();
    assertThat(client.getItem(r -> r.tableName(table).key(Map.of("id", s("k")))).hasItem()).isFalse();
  }

  @Test
  void getItem_attributesToGet_andProjectionExpression_project() {
    String table = Tables.createSimple(client, "projection");
    client.putItem(r -> r.tableName(table).item(Map.of("id", s("k"), "a", n("1"), "b", n("2"),
        "m", AttributeValue.fromM(Map.of("x", n("3"), "y", n("4"))))));

    Map<String, AttributeValue> legacy = client.getItem(r -> r.tableName(table).key(Map.of("id", s("k")))
        .attributesToGet("a", "missing")).item();
    Map<String, AttributeValue> expression = client.getItem(r -> r.tableName(table).key(Map.of("id", s("k")))
        .projectionExpression("#b, m.x").expressionAttributeNames(Map.of("#b", "b"))).item();

    assertThat(legacy).isEqualTo(Map.of("a", n("1")));
    assertThat(expression).isEqualTo(Map.of("b", n("2"), "m", AttributeValue.fromM(Map.of("x", n("3")))));
  }

  @Test
  void getItem_consumesTheItemSizeInFourKilobyteUnits_halvedForEventualReads() {
    String table = Tables.createSimple(client, "capacity");
    client.putItem(r -> r.tableName(table).item(Map.of("id", s("k"), "v", s("x".repeat(5_000)))));

    double strong = client.getItem(r -> r.tableName(table).key(Map.of("id", s("k"))).consistentRead(true)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();
    double eventual = client.getItem(r -> r.tableName(table).key(Map.of("id", s("k")))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();
    double missing = client.getItem(r -> r.tableName(table).key(Map.of("id", s("nope")))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();

    assertThat(strong).isEqualTo(2.0);
    assertThat(eventual).isEqualTo(1.0);
    assertThat(missing).isEqualTo(0.5);
  }

  @Test
  void getItem_missingItem_returnsNoItem() {
    String table = Tables.createSimple(client, "missing");
    assertThat(client.getItem(r -> r.tableName(table).key(Map.of("id", s("nope"))).consistentRead(true))
        .hasItem()).isFalse();
  }
}
