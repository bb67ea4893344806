package io.shaledb.core.op.read;

import static io.shaledb.core.model.Values.n;
import static io.shaledb.core.model.Values.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.api.ComparisonOperator;
import io.shaledb.core.api.ConditionalOperator;
import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.api.Select;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.ItemSize;
import io.shaledb.core.op.ConsumedCapacity;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.PageItems;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.StoreInvariantsExtension;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.op.item.ExpectedCondition;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.write.ItemConsensus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scan against the memory engine: pages, parallel segments, filters, Select and indexes. Expected results and
 * messages are DynamoDB's as QueryScanIT checks them through the SDK.
 */
class ScanTest {
  private static final int ITEMS = 300;

  private final Database db = new Database(new MemoryEngine(), Clock.systemUTC(), "us-east-1");
  @RegisterExtension
  final StoreInvariantsExtension invariants = new StoreInvariantsExtension(db);
  private final Scan scan = new Scan(db, ItemConsensus.NONE);
  private final List<Map<String, AttributeValue>> written = IntStream.range(0, ITEMS).mapToObj(i -> i % 3 == 0
      ? TestTables.item("i" + i, Map.of("n", n(i), "g", s("g" + i % 2), "pad", s("padding")))
      : TestTables.item("i" + i, Map.of("n", n(i), "pad", s("padding")))).toList();

  /** Table "items" keyed by id, its global index byG on g: items i0 to i299, g set on every third. */
  ScanTest() {
    TestTables tables = new TestTables(db);
    tables.create("items", true, false, false);
    tables.put("items", written);
  }

  private static ReadRequest read(String filter, Map<String, AttributeValue> values, Long limit,
      Map<String, AttributeValue> exclusiveStart) {
    return new ReadRequest("items", null, null, null, null, filter, null, values, limit, null, exclusiveStart, null,
        null, null);
  }

  private ReadPage execute(ScanInput input) {
    return Requests.run(scan, input);
  }

  /** Every item of a scan or segment, following LastEvaluatedKey. */
  private List<Map<String, AttributeValue>> all(ReadRequest first, Long segment, Long totalSegments) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    ReadRequest read = first;
    for (int pages = 0; pages < 1_000; pages++) {
      ReadPage page = execute(new ScanInput(read, segment, totalSegments));
      items.addAll(PageItems.attributes(page.items()));
      if (page.lastEvaluatedKey() == null) {
        return items;
      }
      read = new ReadRequest(read.tableName(), read.indexName(), read.select(), read.attributesToGet(),
          read.projectionExpression(), read.filterExpression(), read.expressionAttributeNames(),
          read.expressionAttributeValues(), read.limit(), read.consistentRead(), page.lastEvaluatedKey(),
          read.returnConsumedCapacity(), read.legacyFilter(), read.conditionalOperator());
    }
    throw new AssertionError("a scan that does not end");
  }

  private static List<AttributeValue> ids(List<Map<String, AttributeValue>> items) {
    return items.stream().map(item -> item.get("id")).toList();
  }

  @Test
  void scan_inPages_seesEveryItemOnce() {
    List<AttributeValue> seen = ids(all(read(null, null, 17L, null), null, null));

    assertThat(seen).hasSize(ITEMS).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 7, 64})
  void segments_areDisjoint_andTogetherHoldEveryItem(long total) {
    List<AttributeValue> seen = new ArrayList<>();
    for (long segment = 0; segment < total; segment++) {
      seen.addAll(ids(all(read(null, null, 17L, null), segment, total)));
    }

    assertThat(seen).hasSize(ITEMS).doesNotHaveDuplicates();
  }

  @Test
  void filter_keepsMatchingItems_andCountsEveryItemRead() {
    ReadPage page = execute(new ScanInput(read("n < :ten", Map.of(":ten", n(10)), null, null), null, null));

    assertThat(page.scannedCount()).isEqualTo(ITEMS);
    assertThat(page.count()).isEqualTo(10);
    assertThat(page.lastEvaluatedKey()).isNull();
    assertThat(all(read("n < :ten AND attribute_exists(g)", Map.of(":ten", n(10)), 50L, null), null, null))
        .extracting(item -> item.get("n")).containsExactlyInAnyOrder(n(0), n(3), n(6), n(9));
  }

  @Test
  void legacyScanFilter_joinedByTheConditionalOperator() {
    ReadRequest read = new ReadRequest("items", null, Choice.of(Select.COUNT), null, null, null, null, null, null,
        null, null, null, Map.of(
            "n", new ExpectedCondition(null, null, Choice.of(ComparisonOperator.LT), List.of(n(6))),
            "g", new ExpectedCondition(null, null, Choice.of(ComparisonOperator.NOT_NULL), null)),
        Choice.of(ConditionalOperator.OR));

    assertThat(execute(new ScanInput(read, null, null)).count()).as("n 0 to 5, and the 100 with g: 0 and 3 in both")
        .isEqualTo(104);
  }

  @Test
  void selectCount_andAttributesToGet() {
    ReadPage count = execute(new ScanInput(new ReadRequest("items", null, Choice.of(Select.COUNT), null, null, null,
        null, null, null, null, null, null, null, null), null, null));
    ReadPage projected = execute(new ScanInput(new ReadRequest("items", null, null, List.of("n"), null, null, null,
        null, 5L, null, null, null, null, null), null, null));

    assertThat(count.items()).isNull();
    assertThat(count.count()).isEqualTo(ITEMS);
    assertThat(PageItems.attributes(projected.items())).hasSize(5).allSatisfy(item -> assertThat(item)
        .containsOnlyKeys("n"));
  }

  @Test
  void globalIndex_holdsOnlyItemsWithItsKey() {
    List<Map<String, AttributeValue>> indexed = all(new ReadRequest("items", "byG", null, null, null, null, null, null,
        7L, null, null, null, null, null), null, null);

    assertThat(indexed).hasSize(ITEMS / 3).allSatisfy(item -> assertThat(item).containsKey("g"));
  }

  @Test
  void segmentParameters_haveDynamoDbsMessages() {
    assertThatThrownBy(() -> execute(new ScanInput(read(null, null, null, null), 1L, 1L)))
        .hasMessage("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 1 is"
            + " not less than TotalSegments: 1");
    assertThatThrownBy(() -> execute(new ScanInput(read(null, null, null, null), 0L, null)))
        .hasMessage("The TotalSegments parameter is required but was not present in the request when Segment"
            + " parameter is present");
    assertThatThrownBy(() -> execute(new ScanInput(read(null, null, null, null), null, 2L)))
        .hasMessage("The Segment parameter is required but was not present in the request when parameter"
            + " TotalSegments is present");
    assertThatThrownBy(() -> scan.validate(new ScanInput(read(null, null, 0L, null), null, 1_000_001L)))
        .hasMessage("2 validation errors detected: Value '0' at 'limit' failed to satisfy constraint: Member must have"
            + " value greater than or equal to 1; Value '1000001' at 'totalSegments' failed to satisfy constraint:"
            + " Member must have value less than or equal to 1000000");
  }

  @Test
  void consumedCapacity_isEveryItemReadInFourKilobyteUnits_halvedForEventualConsistency() {
    ReadPage strong = execute(new ScanInput(new ReadRequest("items", null, Choice.of(Select.COUNT), null, null, null,
        null, null, null, true, null, Choice.of(ReturnConsumedCapacity.TOTAL), null, null), null, null));
    ReadPage eventual = execute(new ScanInput(new ReadRequest("items", null, null, null, null, "n < :zero", null,
        Map.of(":zero", n(0)), null, null, null, Choice.of(ReturnConsumedCapacity.TOTAL), null, null), null, null));

    long bytes = written.stream().mapToLong(ItemSize::of).sum();
    assertThat(bytes).as("the items cross a unit").isBetween(4097L, 8192L);
    assertThat(strong.consumedCapacity()).isEqualTo(new ConsumedCapacity("items", 2.0, null));
    assertThat(eventual.consumedCapacity()).as("what the filter drops is read too")
        .isEqualTo(new ConsumedCapacity("items", 1.0, null));
  }

  @Test
  void scan_ofATableThatDoesNotExist_isResourceNotFound() {
    assertThatThrownBy(() -> execute(new ScanInput(new ReadRequest("missing", null, null, null, null, null, null, null,
        null, null, null, null, null, null), null, null)))
        .isInstanceOfSatisfying(DynamoException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
  }
}
