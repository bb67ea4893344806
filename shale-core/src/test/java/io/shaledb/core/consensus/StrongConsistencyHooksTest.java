package io.shaledb.core.consensus;

import static io.shaledb.core.op.TestTables.item;
import static io.shaledb.core.op.TestTables.n;
import static io.shaledb.core.op.TestTables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.api.ReturnValue;
import io.shaledb.core.api.Select;
import io.shaledb.core.capacity.Access;
import io.shaledb.core.capacity.CapacityMode;
import io.shaledb.core.capacity.PartitionBoundaries;
import io.shaledb.core.capacity.Throughput;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.error.ThrottlingReason;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.CapacityMeter;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.PageItems;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.op.batch.BatchGetItem;
import io.shaledb.core.op.batch.BatchGetItemInput;
import io.shaledb.core.op.batch.BatchGetItemInput.KeysAndAttributes;
import io.shaledb.core.op.batch.BatchGetItemOutput;
import io.shaledb.core.op.batch.BatchWriteItem;
import io.shaledb.core.op.batch.BatchWriteItemInput;
import io.shaledb.core.op.batch.BatchWriteItemInput.WriteRequest;
import io.shaledb.core.op.item.DeleteItem;
import io.shaledb.core.op.item.DeleteItemInput;
import io.shaledb.core.op.item.GetItem;
import io.shaledb.core.op.item.GetItemInput;
import io.shaledb.core.op.item.PutItem;
import io.shaledb.core.op.item.PutItemInput;
import io.shaledb.core.op.item.UpdateItem;
import io.shaledb.core.op.item.UpdateItemInput;
import io.shaledb.core.op.partiql.BatchExecuteStatement;
import io.shaledb.core.op.partiql.BatchExecuteStatementInput;
import io.shaledb.core.op.partiql.BatchExecuteStatementOutput;
import io.shaledb.core.op.partiql.BatchStatementRequest;
import io.shaledb.core.op.partiql.ExecuteStatement;
import io.shaledb.core.op.partiql.ExecuteStatementInput;
import io.shaledb.core.op.partiql.ExecuteStatementOutput;
import io.shaledb.core.op.partiql.ExecuteTransaction;
import io.shaledb.core.op.partiql.ExecuteTransactionInput;
import io.shaledb.core.op.partiql.ParameterizedStatement;
import io.shaledb.core.op.read.Query;
import io.shaledb.core.op.read.QueryInput;
import io.shaledb.core.op.read.ReadPage;
import io.shaledb.core.op.read.ReadRequest;
import io.shaledb.core.op.read.Scan;
import io.shaledb.core.op.read.ScanInput;
import io.shaledb.core.op.tx.TransactAction;
import io.shaledb.core.op.tx.TransactGetItems;
import io.shaledb.core.op.tx.TransactGetItemsInput;
import io.shaledb.core.op.tx.TransactWriteItems;
import io.shaledb.core.op.tx.TransactWriteItemsInput;
import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.ProvisionedThroughput;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.WouldBlockException;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.write.ItemConsensus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hooks that send the item requests on a table of multi-region strong consistency through its regions' consensus
 * (docs/global-tables.md, "A write", "A strongly consistent read"), against three regions over memory engines.
 */
class StrongConsistencyHooksTest {
  private static final String EU = "eu-west-1";
  private static final String EAST = "us-east-1";
  private static final String WEST = "us-west-2";
  private static final Map<String, AttributeValue> KEY = Map.of("id", s("k"));

  private final StrongRegions regions = new StrongRegions();

  @BeforeEach
  void createTable() {
    regions.createStrongTable();
  }

  @AfterEach
  void close() {
    regions.close();
  }

  @Test
  void putItem_inOneRegion_isReadStronglyInAnotherWhileItsEventualReadStaysLocal() {
    regions.down(EU); // the commit does not reach it: only a read through the consensus can see the write

    put(EAST, item("k", Map.of("v", n(1))), null, null);

    assertThat(get(EU, true)).isEqualTo(item("k", Map.of("v", n(1))));
    assertThat(get(EU, false)).as("an eventually consistent read answers what this region holds").isNull();
    assertThat(get(WEST, true)).isEqualTo(item("k", Map.of("v", n(1))));
  }

  @Test
  void conditionalWrites_inAnotherRegion_seeTheLatestWriteAndReturnTheValuesTheyChose() {
    put(EAST, item("k", Map.of("v", n(1), "g", s("a"))), null, null);

    assertThatThrownBy(() -> put(WEST, item("k", Map.of("v", n(9))), "attribute_not_exists(id)", null))
        .isInstanceOf(DynamoException.class).hasMessage("The conditional request failed")
        .extracting(e -> ((DynamoException) e).code()).isEqualTo(ErrorCode.CONDITIONAL_CHECK_FAILED);
    Map<String, AttributeValue> updated = new UpdateItem(regions.db(WEST), regions.writes(WEST)).execute(
        new UpdateItemInput("orders", KEY, "SET v = v + :one", "v = :one", null, Map.of(":one", n(1)),
            Choice.of(ReturnValue.ALL_NEW), null, null, null, null, null, null), Requests.request()).attributes();
    assertThat(updated).isEqualTo(item("k", Map.of("v", n(2), "g", s("a"))));
    Map<String, AttributeValue> replaced = put(EU, item("k", Map.of("v", n(3))), "v = :two", Map.of(":two", n(2)));
    assertThat(replaced).as("ALL_OLD: the value the write replaced").isEqualTo(updated);
    Map<String, AttributeValue> deleted = new DeleteItem(regions.db(EAST), regions.writes(EAST)).execute(
        new DeleteItemInput("orders", KEY, Choice.of(ReturnValue.ALL_OLD), null, null, null, null, null, null, null,
            null), Requests.request()).attributes();

    assertThat(deleted).isEqualTo(item("k", Map.of("v", n(3))));
    for (String region : StrongRegions.REGIONS) {
      assertThat(get(region, true)).as(region).isNull();
    }
  }

  @Test
  void putItem_whileAnotherRegionKeepsPreparingTheItem_isAReplicatedWriteConflictThatChangedNothing() {
    regions.contend(EU);
    regions.contend(WEST);

    assertThatThrownBy(() -> put(EAST, item("k", Map.of("v", n(1))), null, null))
        .isInstanceOf(DynamoException.class)
        .hasMessage("The request was rejected because one or more items in the request are being modified by a"
            + " request in another Region.")
        .extracting(e -> ((DynamoException) e).code()).isEqualTo(ErrorCode.REPLICATED_WRITE_CONFLICT);
    assertThat(get(EAST, false)).isNull();
  }

  @Test
  void writes_withOneRegionDown_goOn_andWithTwoDown_areServiceUnavailable() {
    regions.down(WEST);
    put(EAST, item("k", Map.of("v", n(1))), null, null);
    assertThat(get(EU, true)).isEqualTo(item("k", Map.of("v", n(1))));

    regions.down(EU);
    assertThatThrownBy(() -> put(EAST, item("k", Map.of("v", n(2))), null, null))
        .isInstanceOf(DynamoException.class)
        .hasMessage("Fewer than two regions of the global table answered: the request cannot be served with"
            + " multi-Region strong consistency now.")
        .extracting(e -> ((DynamoException) e).code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    assertThatThrownBy(() -> get(EAST, true)).isInstanceOf(DynamoException.class)
        .extracting(e -> ((DynamoException) e).code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
  }

  @Test
  void batchWriteItem_eachItemChosenByTheConsensus() {
    put(EAST, item("gone", Map.of()), null, null);

    new BatchWriteItem(regions.db(WEST), regions.writes(WEST)).execute(new BatchWriteItemInput(Map.of("orders", List.of(
        new WriteRequest(item("a", Map.of("v", n(1))), null), new WriteRequest(item("b", Map.of("v", n(2))), null),
        new WriteRequest(null, Map.of("id", s("gone"))))), null, null), Requests.request());

    regions.down(WEST);
    assertThat(get(EU, "a")).isEqualTo(item("a", Map.of("v", n(1))));
    assertThat(get(EU, "b")).isEqualTo(item("b", Map.of("v", n(2))));
    assertThat(get(EU, "gone")).isNull();
  }

  @Test
  void transactions_onTheTable_areRefused() {
    String message = "Transactions are not supported on a global table with multi-Region strong consistency:"
        + " Table: orders";

    assertThatThrownBy(() -> new TransactWriteItems(regions.db(EAST), regions.writes(EAST)).execute(
        new TransactWriteItemsInput(List.of(new TransactAction.Put("orders", item("k", Map.of()), null, null, null,
            null)), null, null, null), Requests.request()))
        .isInstanceOf(DynamoException.class).hasMessage(message)
        .extracting(e -> ((DynamoException) e).code()).isEqualTo(ErrorCode.VALIDATION);
    assertThatThrownBy(() -> new TransactGetItems(regions.db(EAST)).execute(new TransactGetItemsInput(List.of(
        new TransactGetItemsInput.Get("orders", KEY, null, null)), null), Requests.request()))
        .isInstanceOf(DynamoException.class).hasMessage(message);
  }

  @Test
  void batchGetItem_consistent_readsEachKeyThroughTheConsensus_whileItsEventualReadStaysLocal() {
    regions.down(EU); // the commits do not reach it: only reads through the consensus can see the writes
    put(EAST, item("a", Map.of("v", n(1))), null, null);
    put(WEST, item("b", Map.of("v", n(2))), null, null);

    BatchGetItemOutput strong = batchGet(EU, true, "a", "b", "absent");
    BatchGetItemOutput eventual = batchGet(EU, false, "a", "b", "absent");

    assertThat(PageItems.attributes(strong.responses().get("orders")))
        .containsExactlyInAnyOrder(item("a", Map.of("v", n(1))), item("b", Map.of("v", n(2))));
    assertThat(strong.unprocessedKeys()).isEmpty();
    assertThat(eventual.responses().get("orders")).as("what this region holds").isEmpty();
  }

  @Test
  void batchGetItem_consistent_whenFewerThanTwoRegionsAnswer_leavesTheKeysUnprocessed_orFailsWhenNoneWasRead() {
    new TestTables(regions.db(EAST)).create("plain", false, false, false);
    new PutItem(regions.db(EAST), regions.writes(EAST)).execute(new PutItemInput("plain", item("p", Map.of()), null,
        null, null, null, null, null, null, null, null), Requests.request());
    regions.down(EU);
    regions.down(WEST);

    BatchGetItemOutput partial = new BatchGetItem(regions.db(EAST), regions.consensus(EAST)).execute(
        new BatchGetItemInput(Map.of("orders", keys(true, "a", "b"), "plain", keys(true, "p")), null),
        Requests.request());

    assertThat(PageItems.attributes(partial.responses().get("plain"))).containsExactly(item("p", Map.of()));
    assertThat(partial.unprocessedKeys()).as("an internal processing failure leaves its keys unprocessed")
        .isEqualTo(Map.of("orders", keys(true, "a", "b")));
    assertThatThrownBy(() -> batchGet(EAST, true, "a"))
        .isInstanceOf(DynamoException.class)
        .hasMessage("Fewer than two regions of the global table answered: the request cannot be served with"
            + " multi-Region strong consistency now.")
        .extracting(e -> ((DynamoException) e).code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
  }

  @Test
  void batchGetItem_consistent_readsThroughTheConsensusBeforeItTakesItsSnapshot() {
    new TestTables(regions.db(EAST)).create("plain", false, false, false);
    AtomicBoolean written = new AtomicBoolean();
    // A local write committed while the consensus reads: in the batch's snapshot only if that was taken after them.
    ItemConsensus writingWhileItReads = readingAfter(regions.consensus(EAST), () -> {
      if (written.compareAndSet(false, true)) {
        new PutItem(regions.db(EAST), regions.writes(EAST)).execute(new PutItemInput("plain",
            item("p", Map.of()), null, null, null, null, null, null, null, null, null), Requests.request());
      }
    });
    Map<String, KeysAndAttributes> requests = new LinkedHashMap<>();
    requests.put("orders", keys(true, "a"));
    requests.put("plain", keys(true, "p"));

    BatchGetItemOutput output = new BatchGetItem(regions.db(EAST), writingWhileItReads)
        .execute(new BatchGetItemInput(requests, null), Requests.request());

    assertThat(written).isTrue();
    assertThat(PageItems.attributes(output.responses().get("plain"))).containsExactly(item("p", Map.of()));
  }

  @Test
  void batchGetItem_consistent_keysItsCapacityRefusesAlready_areNotReadThroughTheConsensus() {
    Database east = regions.db(EAST);
    RequestContext throttled = requestUnder(readsSpent(east));
    AtomicInteger reads = new AtomicInteger();
    ItemConsensus counting = readingAfter(regions.consensus(EAST), reads::incrementAndGet);

    assertThatThrownBy(() -> new BatchGetItem(east, counting).execute(
        new BatchGetItemInput(Map.of("orders", keys(true, "a", "b")), null), throttled))
        .isInstanceOfSatisfying(DynamoException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.PROVISIONED_THROUGHPUT_EXCEEDED));
    assertThat(reads).as("reads the batch would have left unprocessed whatever they found").hasValue(0);
  }

  @Test
  void strongPointReadsWithoutBlocking_goToAWorkerBeforeTheirCapacityIsChecked_whichChecksItOnce() {
    Database east = regions.db(EAST);
    GetItemInput strong = new GetItemInput("orders", Map.of("id", s("k")), true, null, null, null, null);
    GetItem get = new GetItem(east, regions.consensus(EAST));
    Throughput throughput = readsSpent(east);
    List<String> throttles = new ArrayList<>();
    throughput.listen(event -> throttles.add(event.table()));

    assertThatThrownBy(() -> get.executeWithoutBlocking(strong, requestUnder(throughput)))
        .as("handed over before the spent capacity was seen").isInstanceOf(WouldBlockException.class);
    assertThatThrownBy(() -> new ExecuteStatement(east, regions.writes(EAST)).executeWithoutBlocking(
        new ExecuteStatementInput("SELECT * FROM orders WHERE id = 'k'", null, true, null, null, null, null),
        requestUnder(throughput))).as("a PartiQL SELECT of one item too").isInstanceOf(WouldBlockException.class);
    assertThatThrownBy(() -> get.execute(strong, requestUnder(throughput)))
        .isInstanceOfSatisfying(DynamoException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.PROVISIONED_THROUGHPUT_EXCEEDED));
    assertThat(throttles).as("one check, on the worker").containsExactly("orders");
  }

  @Test
  void partiqlSelectOfOneItem_consistent_readsThroughTheConsensus_whileItsEventualReadStaysLocal() {
    regions.down(EU);
    put(EAST, item("k", Map.of("v", n(1))), null, null);
    String select = "SELECT * FROM orders WHERE id = 'k'";

    assertThat(PageItems.attributes(Objects.requireNonNull(statement(EU, select, true).items())))
        .containsExactly(item("k", Map.of("v", n(1))));
    assertThat(statement(EU, select, false).items()).as("what this region holds").isEmpty();
    BatchExecuteStatement batch = new BatchExecuteStatement(regions.db(EU), regions.writes(EU));
    BatchExecuteStatementOutput strong = batch.execute(new BatchExecuteStatementInput(List.of(
        new BatchStatementRequest(select, null, null, true, null)), null), Requests.request());
    BatchExecuteStatementOutput eventual = batch.execute(new BatchExecuteStatementInput(List.of(
        new BatchStatementRequest(select, null, null, false, null)), null), Requests.request());
    assertThat(PageItems.attributes(Objects.requireNonNull(strong.responses().getFirst().item())))
        .isEqualTo(item("k", Map.of("v", n(1))));
    assertThat(eventual.responses().getFirst().item()).isNull();
    assertThat(PageItems.attributes(Objects.requireNonNull(statement(EU, "SELECT * FROM orders", true).items())))
        .as("a SELECT that scans reads through the consensus, as Scan does").containsExactly(item("k",
            Map.of("v", n(1))));
    assertThat(statement(EU, "SELECT * FROM orders", false).items()).isEmpty();
  }

  @Test
  void stronglyConsistentPointReads_withoutBlocking_goToAWorkerForAReasonThatIsNotAMiss() {
    GetItemInput strong = new GetItemInput("orders", KEY, true, null, null, null, null);
    GetItemInput eventual = new GetItemInput("orders", KEY, false, null, null, null, null);
    GetItem get = new GetItem(regions.db(EU), regions.consensus(EU));
    ExecuteStatement execute = new ExecuteStatement(regions.db(EU), regions.writes(EU));

    assertThatThrownBy(() -> get.executeWithoutBlocking(strong, Requests.request()))
        .isInstanceOfSatisfying(WouldBlockException.class,
            e -> assertThat(e.reason()).isEqualTo(WouldBlockException.Reason.ALWAYS));
    assertThatThrownBy(() -> execute.executeWithoutBlocking(new ExecuteStatementInput(
        "SELECT * FROM orders WHERE id = 'k'", null, true, null, null, null, null), Requests.request()))
        .isInstanceOfSatisfying(WouldBlockException.class,
            e -> assertThat(e.reason()).isEqualTo(WouldBlockException.Reason.ALWAYS));
    assertThat(get.executeWithoutBlocking(eventual, Requests.request()).item()).as("read from memory").isNull();
  }

  @Test
  void partiqlWrites_goThroughTheConsensus_andExecuteTransactionIsRefused() {
    regions.down(EU);

    statement(WEST, "INSERT INTO orders VALUE {'id': 'k', 'v': 1}", false);
    new BatchExecuteStatement(regions.db(WEST), regions.writes(WEST)).execute(new BatchExecuteStatementInput(List.of(
        new BatchStatementRequest("UPDATE orders SET v = 2 WHERE id = 'k'", null, null, null, null)), null),
        Requests.request());

    assertThat(read(EAST, "k", false)).as("committed in another region: the consensus chose it")
        .isEqualTo(item("k", Map.of("v", n(2))));
    assertThat(get(EU, true)).isEqualTo(item("k", Map.of("v", n(2))));
    statement(EAST, "DELETE FROM orders WHERE id = 'k'", false);
    assertThat(get(EU, true)).isNull();
    assertThatThrownBy(() -> new ExecuteTransaction(regions.db(EAST), regions.writes(EAST)).execute(
        new ExecuteTransactionInput(List.of(new ParameterizedStatement(
            "INSERT INTO orders VALUE {'id': 'k'}", null, null)), null, null), Requests.request()))
        .isInstanceOf(DynamoException.class)
        .hasMessage("Transactions are not supported on a global table with multi-Region strong consistency:"
            + " Table: orders");
  }

  @Test
  void putItem_whoseGlobalIndexPartitionIsSpent_isThrottledBeforeTheConsensusChoosesIt() {
    Database east = regions.db(EAST);
    east.catalog().change(change -> {
      TableMetadata table = change.table("orders").orElseThrow();
      change.putTable(table.withCapacity(BillingMode.PROVISIONED, ProvisionedThroughput.of(100, 3_000),
          Optional.empty()).withIndexes(List.of(table.indexes().getFirst().withThroughput(
              ProvisionedThroughput.of(100, 3_000), Optional.empty()))));
      return null;
    });
    Throughput throughput = new Throughput(CapacityMode.ENFORCE, Clock.fixed(Instant.now(),
        ZoneOffset.UTC), name -> "arn:aws:dynamodb:us-east-1:000000000000:table/" + name, keyspace -> 0,
        PartitionBoundaries.load(east.storage(), east.catalog(), Runnable::run));
    int hot = KeyCodec.partitionHash(KeyCodec.partitionRange(0, s("hot")).start());
    TableMetadata table = east.tableForItems("orders");
    assertThat(throughput.indexKeyRefusal(table, table.indexes().getFirst(), hot)).as("made on first use").isNull();
    throughput.consumedIndexKey("orders", "byG", hot, 1_000);
    RequestContext request = Requests.request();
    RequestContext throttled = new RequestContext(request.requestId(), request.principal(), request.deadline(),
        request.clock(), new CapacityMeter(throughput), request.endpoint());

    assertThatThrownBy(() -> new PutItem(east, regions.writes(EAST)).execute(new PutItemInput("orders",
        item("k", Map.of("g", s("hot"))), null, null, null, null, null, null, null, null, null), throttled))
        .isInstanceOfSatisfying(DynamoException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.PROVISIONED_THROUGHPUT_EXCEEDED);
          assertThat(e.getMessage()).startsWith("The level of configured provisioned throughput for one or more"
              + " global secondary indexes of the table was exceeded.");
          assertThat(e.extra()).isEqualTo(Map.of("ThrottlingReasons", List.of(new ThrottlingReason(
              "IndexWriteKeyRangeThroughputExceeded",
              "arn:aws:dynamodb:us-east-1:000000000000:table/orders/index/byG"))));
        });
    assertThat(get(WEST, true)).as("nothing chosen").isNull();
    put(EAST, item("k", Map.of("g", s("cold"))), null, null);
    assertThat(get(WEST, true)).isEqualTo(item("k", Map.of("g", s("cold"))));
  }

  @Test
  void queryAndScan_consistent_seeAWriteOnlyTheOtherRegionsHold_whileTheirEventualReadsStayLocal() {
    regions.down(EU); // the commit does not reach it: only a read through the consensus can see the write

    put(EAST, item("k", Map.of("v", n(1))), null, null);

    assertThat(PageItems.attributes(query(EU, "orders", "k", true, null, null, null).items()))
        .containsExactly(item("k", Map.of("v", n(1))));
    assertThat(PageItems.attributes(scan(EU, "orders", true, null, null, null).items()))
        .containsExactly(item("k", Map.of("v", n(1))));
    assertThat(query(EU, "orders", "k", false, null, null, null).items()).as("what this region holds").isEmpty();
    assertThat(scan(EU, "orders", false, null, null, null).items()).as("what this region holds").isEmpty();
  }

  @Test
  void scan_consistent_missesAnItemTheOtherRegionsDeleted() {
    put(EAST, item("a", Map.of()), null, null);
    put(EAST, item("b", Map.of()), null, null);
    regions.down(EU);

    new DeleteItem(regions.db(WEST), regions.writes(WEST)).execute(new DeleteItemInput("orders",
        Map.of("id", s("a")), null, null, null, null, null, null, null, null, null), Requests.request());

    assertThat(PageItems.attributes(scan(EU, "orders", true, null, null, null).items()))
        .containsExactly(item("b", Map.of()));
    assertThat(scan(EU, "orders", false, null, null, null).items()).as("what this region holds").hasSize(2);
  }

  @Test
  void queryAndScanPages_consistent_meetTheItemsOnlyTheOtherRegionsHold_inOrder_eachOnce() {
    regions.createStrongSortedTable();
    for (int rk = 1; rk <= 3; rk++) {
      putEvent(EU, "p", rk);
    }
    regions.down(EU);
    for (int rk = 4; rk <= 7; rk++) {
      putEvent(rk % 2 == 0 ? EAST : WEST, "p", rk);
    }
    putEvent(EAST, "q", 1);

    assertThat(queryPages(true)).containsExactly(1, 2, 3, 4, 5, 6, 7);
    assertThat(queryPages(false)).containsExactly(7, 6, 5, 4, 3, 2, 1);
    List<Map<String, AttributeValue>> scanned = new ArrayList<>();
    for (long segment = 0; segment < 2; segment++) {
      Map<String, AttributeValue> start = null;
      do {
        ReadPage page = scan(EU, "events", true, 3L, start, segment);
        assertThat(page.scannedCount()).isLessThanOrEqualTo(3);
        scanned.addAll(PageItems.attributes(page.items()));
        start = page.lastEvaluatedKey();
      } while (start != null);
    }
    assertThat(scanned).hasSize(8).doesNotHaveDuplicates();
    ReadPage odd = new Query(regions.db(EU), regions.consensus(EU)).execute(new QueryInput(new ReadRequest("events",
        null, Choice.of(Select.COUNT), null, null, "v = :odd", null, Map.of(":p", s("p"), ":odd", n(1)), null, true,
        null, null, null, null), "id = :p", null, null), Requests.request());
    assertThat(odd.count()).isEqualTo(4);
    assertThat(odd.scannedCount()).isEqualTo(7);
  }

  @Test
  void queryAndScan_consistent_withTwoRegionsDown_areServiceUnavailable_whileTheirEventualReadsAnswer() {
    put(EAST, item("k", Map.of()), null, null);
    regions.down(EAST);
    regions.down(WEST);

    for (ThrowingCallable read : List.<ThrowingCallable>of(() -> query(EU, "orders", "k", true, null, null, null),
        () -> scan(EU, "orders", true, null, null, null))) {
      assertThatThrownBy(read).isInstanceOf(DynamoException.class)
          .hasMessage("Fewer than two regions of the global table answered: the request cannot be served with"
              + " multi-Region strong consistency now.")
          .extracting(e -> ((DynamoException) e).code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    }
    assertThat(scan(EU, "orders", false, null, null, null).items()).hasSize(1);
  }

  /** The sort keys of partition {@code p} of {@code events}, read strongly in EU in pages of two. */
  private List<Integer> queryPages(boolean forward) {
    List<Integer> read = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      ReadPage page = query(EU, "events", "p", true, 2L, forward, start);
      assertThat(page.scannedCount()).isLessThanOrEqualTo(2);
      PageItems.attributes(page.items()).forEach(item -> read.add(((AttributeValue.N) item.get("rk")).value()
          .bigDecimalValue().intValue()));
      start = page.lastEvaluatedKey();
    } while (start != null && read.size() < 20);
    return read;
  }

  private void putEvent(String region, String partition, int rk) {
    new PutItem(regions.db(region), regions.writes(region)).execute(new PutItemInput("events",
        Map.of("id", s(partition), "rk", n(rk), "v", n(rk % 2)), null, null, null, null, null, null, null, null,
        null), Requests.request());
  }

  private ReadPage query(String region, String table, String partition, boolean consistent, @Nullable Long limit,
      @Nullable Boolean forward, @Nullable Map<String, AttributeValue> start) {
    return new Query(regions.db(region), regions.consensus(region)).execute(new QueryInput(new ReadRequest(table,
        null, null, null, null, null, null, Map.of(":p", s(partition)), limit, consistent, start, null, null, null),
        "id = :p", null, forward), Requests.request());
  }

  private ReadPage scan(String region, String table, boolean consistent, @Nullable Long limit,
      @Nullable Map<String, AttributeValue> start, @Nullable Long segment) {
    return new Scan(regions.db(region), regions.consensus(region)).execute(new ScanInput(new ReadRequest(table, null,
        null, null, null, null, null, null, limit, consistent, start, null, null, null), segment,
        segment == null ? null : 2L), Requests.request());
  }

  private @Nullable Map<String, AttributeValue> put(String region, Map<String, AttributeValue> item,
      @Nullable String condition, @Nullable Map<String, AttributeValue> values) {
    return new PutItem(regions.db(region), regions.writes(region)).execute(new PutItemInput("orders", item,
        Choice.of(ReturnValue.ALL_OLD), null, null, condition, null, values, null, null, null), Requests.request())
        .attributes();
  }

  private @Nullable Map<String, AttributeValue> get(String region, boolean consistent) {
    return read(region, "k", consistent);
  }

  private @Nullable Map<String, AttributeValue> get(String region, String id) {
    return read(region, id, true);
  }

  private @Nullable Map<String, AttributeValue> read(String region, String id, boolean consistent) {
    return PageItems.attributes(new GetItem(regions.db(region), regions.consensus(region)).execute(
        new GetItemInput("orders", Map.of("id", s(id)), consistent, null, null, null, null), Requests.request())
        .item());
  }

  private BatchGetItemOutput batchGet(String region, boolean consistent, String... ids) {
    return new BatchGetItem(regions.db(region), regions.consensus(region)).execute(
        new BatchGetItemInput(Map.of("orders", keys(consistent, ids)), null), Requests.request());
  }

  private static KeysAndAttributes keys(boolean consistent, String... ids) {
    return new KeysAndAttributes(Arrays.stream(ids).map(id -> Map.<String, AttributeValue>of("id", s(id))).toList(),
        null, null, null, consistent);
  }

  private ExecuteStatementOutput statement(String region, String statement, boolean consistent) {
    return new ExecuteStatement(regions.db(region), regions.writes(region)).execute(
        new ExecuteStatementInput(statement, null, consistent, null, null, null, null), Requests.request());
  }

  /** {@code consensus}, running {@code beforeEachRead} before each strong read. */
  private static ItemConsensus readingAfter(ItemConsensus consensus, Runnable beforeEachRead) {
    return new ItemConsensus() {
      @Override
      public Chosen write(TableMetadata table, byte[] key, Change change) {
        return consensus.write(table, key, change);
      }

      @Override
      public byte @Nullable [] read(TableMetadata table, byte[] key) {
        beforeEachRead.run();
        return consensus.read(table, key);
      }

      @Override
      public Range readRange(TableMetadata table, KeyRange range, boolean reverse, int maxKeys, long maxBytes) {
        return consensus.readRange(table, range, reverse, maxKeys, maxBytes);
      }
    };
  }

  /** A throughput enforcing capacity, under which {@code db}'s orders table is provisioned and its reads are spent. */
  private static Throughput readsSpent(Database db) {
    db.catalog().change(change -> {
      change.putTable(change.table("orders").orElseThrow().withCapacity(BillingMode.PROVISIONED,
          ProvisionedThroughput.of(5, 5), Optional.empty()));
      return null;
    });
    Throughput throughput = new Throughput(CapacityMode.ENFORCE, Clock.fixed(Instant.now(), ZoneOffset.UTC),
        name -> "arn:aws:dynamodb:us-east-1:000000000000:table/" + name, keyspace -> 0,
        PartitionBoundaries.load(db.storage(), db.catalog(), Runnable::run));
    assertThat(throughput.available(db.tableForItems("orders"), Access.READ)).as("made on first use").isPositive();
    throughput.consumed("orders", null, Access.READ, 1_000_000);
    return throughput;
  }

  /** A request admitted and charged by {@code throughput}. */
  private static RequestContext requestUnder(Throughput throughput) {
    RequestContext request = Requests.request();
    return new RequestContext(request.requestId(), request.principal(), request.deadline(), request.clock(),
        new CapacityMeter(throughput), request.endpoint());
  }
}
