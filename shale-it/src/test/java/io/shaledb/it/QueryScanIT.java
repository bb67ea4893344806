package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.junit.ShaleDbTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

@ShaleDbTest
class QueryScanIT {
  private final DynamoDbClient client;

  QueryScanIT(DynamoDbClient client) {
    this.client = client;
  }

  private static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  private static AttributeValue n(String v) {
    return AttributeValue.fromN(v);
  }

  private String numberTable(List<String> sortKeys) {
    String table = Tables.create(client, "qn", "pk", ScalarAttributeType.S, "sk", ScalarAttributeType.N);
    for (String sk : sortKeys) {
      client.putItem(r -> r.tableName(table).item(Map.of("pk", s("p"), "sk", n(sk), "v", s(sk))));
    }
    client.putItem(r -> r.tableName(table).item(Map.of("pk", s("other"), "sk", n("1"))));
    return table;
  }

  private List<String> sortKeys(QueryResponse response) {
    return response.items().stream().map(i -> i.get("sk").n()).toList();
  }

  @Test
  void numbers_sortNumericallyAcrossMagnitudesAndSigns() {
    List<String> values = List.of("-1E+100", "-123.45", "-1", "-0.001", "0", "1E-100", "0.5", "1", "2", "10", "99.9",
        "100", "12345678901234567890123456789012345678", "9.9E+125");
    List<String> shuffled = new ArrayList<>(values);
    java.util.Collections.shuffle(shuffled, new java.util.Random(7));
    String table = numberTable(shuffled);

    QueryResponse forward = client.query(r -> r.tableName(table).keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p"))));
    QueryResponse backward = client.query(r -> r.tableName(table).keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p"))).scanIndexForward(false));

    List<String> expected = values.stream().map(BigDecimal::new).sorted()
        .map(d -> d.stripTrailingZeros().toPlainString()).toList();
    assertThat(sortKeys(forward)).containsExactlyElementsOf(expected);
    assertThat(sortKeys(backward)).containsExactlyElementsOf(expected.reversed());
    assertThat(forward.count()).isEqualTo(values.size());
  }

  @Test
  void strings_sortByUtf8Bytes_andBinariesAsUnsignedBytes() {
    String strings = Tables.create(client, "qs", "pk", ScalarAttributeType.S, "sk", ScalarAttributeType.S);
    List<String> values = List.of("A", "Z", "a", "ab", "é", "€", "😀", "\uFFFD");
    values.forEach(v -> client.putItem(r -> r.tableName(strings).item(Map.of("pk", s("p"), "sk", s(v)))));
    String binaries = Tables.create(client, "qb", "pk", ScalarAttributeType.S, "sk", ScalarAttributeType.B);
    List<byte[]> bytes = List.of(new byte[] {(byte) 0xFF}, new byte[] {0}, new byte[] {0x7F},
        new byte[] {(byte) 0x80}, new byte[] {0, 0}, new byte[] {1});
    bytes.forEach(b -> client.putItem(r -> r.tableName(binaries).item(Map.of("pk", s("p"), "sk",
        AttributeValue.fromB(SdkBytes.fromByteArray(b))))));

    List<String> sortedStrings = client.query(r -> r.tableName(strings).keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p")))).items().stream().map(i -> i.get("sk").s()).toList();
    List<String> sortedBytes = client.query(r -> r.tableName(binaries).keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p")))).items().stream()
        .map(i -> java.util.HexFormat.of().formatHex(i.get("sk").b().asByteArray())).toList();

    Comparator<String> utf8 = (a, b) -> java.util.Arrays.compareUnsigned(
        a.getBytes(java.nio.charset.StandardCharsets.UTF_8), b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(sortedStrings).containsExactlyElementsOf(values.stream().sorted(utf8).toList());
    assertThat(sortedBytes).containsExactly("00", "0000", "01", "7f", "80", "ff");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "pk = :p AND sk = :two|2", "pk = :p AND sk < :two|1", "pk = :p AND sk <= :two|1,2",
    "pk = :p AND sk > :two|3,4", "pk = :p AND sk >= :two|2,3,4", "pk = :p AND sk BETWEEN :two AND :three|2,3",
    ":p = pk AND :two < sk|3,4", "pk = :p|1,2,3,4"
  })
  void keyConditionOperators(String condition, String expected) {
    String table = numberTable(List.of("1", "2", "3", "4"));
    Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(":p", s("p"), ":two", n("2"),
        ":three", n("3")));
    values.keySet().removeIf(k -> !condition.contains(k));
    assertThat(sortKeys(client.query(r -> r.tableName(table).keyConditionExpression(condition)
        .expressionAttributeValues(values)))).containsExactly(expected.split(","));
  }

  @Test
  void beginsWith_andLegacyKeyConditions() {
    String table = Tables.create(client, "qbw", "pk", ScalarAttributeType.S, "sk", ScalarAttributeType.S);
    for (String sk : List.of("a", "ab", "abc", "abd", "b", "a\u0000z")) {
      client.putItem(r -> r.tableName(table).item(Map.of("pk", s("p"), "sk", s(sk))));
    }
    List<String> expression = client.query(r -> r.tableName(table)
        .keyConditionExpression("pk = :p AND begins_with(sk, :ab)")
        .expressionAttributeValues(Map.of(":p", s("p"), ":ab", s("ab")))).items().stream()
        .map(i -> i.get("sk").s()).toList();
    List<String> legacy = client.query(r -> r.tableName(table).keyConditions(Map.of(
        "pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("p")).build(),
        "sk", Condition.builder().comparisonOperator(ComparisonOperator.BEGINS_WITH).attributeValueList(s("a"))
            .build()))).items().stream().map(i -> i.get("sk").s()).toList();

    assertThat(expression).containsExactly("ab", "abc", "abd");
    assertThat(legacy).containsExactly("a", "a\u0000z", "ab", "abc", "abd");
  }

  @Test
  void filterWithLimit_countsItemsReadBeforeTheFilter_andPaginatorSeesAll() {
    String table = numberTable(IntStream.rangeClosed(1, 10).mapToObj(String::valueOf).toList());

    // A filter may not name a key attribute: v holds the sort key's digits, and the ones above five are listed.
    Map<String, AttributeValue> values = Map.of(":p", s("p"), ":6", s("6"), ":7", s("7"), ":8", s("8"), ":9", s("9"),
        ":10", s("10"));
    String aboveFive = "v IN (:6, :7, :8, :9, :10)";
    QueryResponse page = client.query(r -> r.tableName(table).keyConditionExpression("pk = :p")
        .filterExpression(aboveFive).expressionAttributeValues(values).limit(6));
    List<String> all = client.queryPaginator(r -> r.tableName(table).keyConditionExpression("pk = :p")
        .filterExpression(aboveFive).expressionAttributeValues(values).limit(3))
        .items().stream().map(i -> i.get("sk").n()).toList();

    assertThat(page.scannedCount()).isEqualTo(6);
    assertThat(page.count()).isEqualTo(1);
    assertThat(page.lastEvaluatedKey()).isEqualTo(Map.of("pk", s("p"), "sk", n("6")));
    assertThat(all).containsExactly("6", "7", "8", "9", "10");
  }

  @Test
  void selectCount_andProjection() {
    String table = numberTable(List.of("1", "2", "3"));

    QueryResponse count = client.query(r -> r.tableName(table).keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p"))).select(Select.COUNT));
    QueryResponse projected = client.query(r -> r.tableName(table).keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p"))).projectionExpression("v"));

    assertThat(count.count()).isEqualTo(3);
    assertThat(count.hasItems()).isFalse();
    assertThat(projected.items()).containsExactly(Map.of("v", s("1")), Map.of("v", s("2")), Map.of("v", s("3")));
    assertThatThrownBy(() -> client.query(r -> r.tableName(table).keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p"))).select(Select.COUNT).projectionExpression("v")))
        .hasMessageStartingWith("Cannot specify the ProjectionExpression when choosing to get only the Count");
  }

  @Test
  void pages_stopAtOneMegabyteReadBeforeFiltering() {
    String table = Tables.create(client, "qmb", "pk", ScalarAttributeType.S, "sk", ScalarAttributeType.N);
    String payload = "x".repeat(100_000);
    for (int i = 0; i < 25; i++) {
      int sk = i;
      client.putItem(r -> r.tableName(table).item(Map.of("pk", s("p"), "sk", n(String.valueOf(sk)),
          "payload", s(payload))));
    }
    QueryResponse first = client.query(r -> r.tableName(table).keyConditionExpression("pk = :p")
        .filterExpression("attribute_not_exists(payload)").expressionAttributeValues(Map.of(":p", s("p"))));
    int itemSize = 2 + 1 + 2 + 2 + 7 + payload.length();

    assertThat(first.count()).isZero();
    assertThat(first.scannedCount()).isEqualTo((int) Math.ceil(1024.0 * 1024 / itemSize));
    assertThat(first.lastEvaluatedKey()).containsEntry("sk", n(String.valueOf(first.scannedCount() - 1)));
    int total = client.queryPaginator(r -> r.tableName(table).keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p")))).stream().mapToInt(QueryResponse::count).sum();
    assertThat(total).isEqualTo(25);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 64})
  void parallelScan_segmentsAreDisjointAndComplete(int segments) {
    String table = Tables.create(client, "scanseg", "id", ScalarAttributeType.N, null, null);
    for (int i = 0; i < 300; i++) {
      int id = i;
      client.putItem(r -> r.tableName(table).item(Map.of("id", n(String.valueOf(id)))));
    }
    List<String> seen = new ArrayList<>();
    for (int segment = 0; segment < segments; segment++) {
      int current = segment;
      client.scanPaginator(r -> r.tableName(table).segment(current).totalSegments(segments).limit(17)).items()
          .forEach(item -> seen.add(item.get("id").n()));
    }
    assertThat(seen).hasSize(300).doesNotHaveDuplicates();
  }

  @Test
  void scan_validatesSegments() {
    String table = Tables.createSimple(client, "scanval");
    assertThatThrownBy(() -> client.scan(r -> r.tableName(table).segment(1).totalSegments(1)))
        .hasMessageStartingWith("The Segment parameter is zero-based and must be less than parameter TotalSegments:"
            + " Segment: 1 is not less than TotalSegments: 1");
    assertThatThrownBy(() -> client.scan(r -> r.tableName(table).segment(0)))
        .hasMessageStartingWith("The TotalSegments parameter is required but was not present in the request when"
            + " Segment parameter is present");
  }

  @Test
  void scanWhileWriting_seesEveryLongLivedItemExactlyOnce() throws Exception {
    String table = Tables.create(client, "scanlive", "id", ScalarAttributeType.N, null, null);
    for (int i = 0; i < 500; i++) {
      int id = i;
      client.putItem(r -> r.tableName(table).item(Map.of("id", n(String.valueOf(id)), "stable", s("yes"))));
    }
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService writers = Executors.newFixedThreadPool(2);
    List<Future<?>> futures = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      int offset = 10_000 * (w + 1);
      futures.add(writers.submit(() -> {
        for (int i = 0; !done.get(); i++) {
          int id = offset + i;
          client.putItem(r -> r.tableName(table).item(Map.of("id", n(String.valueOf(id)))));
          if (i % 3 == 0) {
            client.deleteItem(r -> r.tableName(table).key(Map.of("id", n(String.valueOf(id)))));
          }
          client.updateItem(r -> r.tableName(table).key(Map.of("id", n(String.valueOf(id % 500))))
              .updateExpression("SET touched = :t").expressionAttributeValues(Map.of(":t", n("1"))));
        }
        return null;
      }));
    }
    List<String> seen = new ArrayList<>();
    for (ScanResponse page : client.scanPaginator(r -> r.tableName(table).limit(25))) {
      page.items().stream().filter(i -> i.containsKey("stable")).forEach(i -> seen.add(i.get("id").n()));
    }
    done.set(true);
    for (Future<?> f : futures) {
      f.get();
    }
    writers.shutdown();
    Set<String> expected = IntStream.range(0, 500).mapToObj(String::valueOf).collect(Collectors.toSet());
    assertThat(seen).doesNotHaveDuplicates();
    assertThat(new HashSet<>(seen)).isEqualTo(expected);
  }

  @Test
  void consumedCapacity_followsDynamoDbArithmetic() {
    String table = Tables.createSimple(client, "capacity");
    String kb3 = "x".repeat(3 * 1024);
    double put = client.putItem(r -> r.tableName(table).item(Map.of("id", s("a"), "p", s(kb3)))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();
    double strongGet = client.getItem(r -> r.tableName(table).key(Map.of("id", s("a"))).consistentRead(true)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();
    double eventualGet = client.getItem(r -> r.tableName(table).key(Map.of("id", s("a")))
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity().capacityUnits();
    double scan = client.scan(r -> r.tableName(table).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
        .consumedCapacity().capacityUnits();
    double delete = client.deleteItem(r -> r.tableName(table).key(Map.of("id", s("a")))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();

    assertThat(put).as("3 KB + key = 4 write units").isEqualTo(4.0);
    assertThat(strongGet).isEqualTo(1.0);
    assertThat(eventualGet).isEqualTo(0.5);
    assertThat(scan).isEqualTo(0.5);
    assertThat(delete).isEqualTo(4.0);
  }
}
