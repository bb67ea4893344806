package io.shaledb.core.op.table;

import static io.shaledb.core.op.TestTables.item;
import static io.shaledb.core.op.TestTables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.maintenance.KeyspaceReclaimer;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.StoreInvariants;
import io.shaledb.core.op.StoreInvariantsExtension;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.op.item.GetItem;
import io.shaledb.core.op.item.GetItemInput;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.schema.TableStatus;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.core.write.ItemConsensus;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DeleteTable against the memory engine; messages as GoldenErrorsIT (tables.txt) and TableLifecycleIT check them. */
class DeleteTableTest {
  private final Database db = new Database(new MemoryEngine(), Clock.systemUTC(), "us-east-1");
  @RegisterExtension
  final StoreInvariantsExtension invariants = new StoreInvariantsExtension(db);
  private final TestTables tables = new TestTables(db);
  private final DeleteTable delete = new DeleteTable(db);
  private final TableMetadata table;

  DeleteTableTest() {
    table = tables.create("items", true, true, true);
    tables.put("items", IntStream.range(0, 20).mapToObj(i -> item("i" + i, Map.of("rk", s("r"), "g", s("g"),
        "s", s("s")))).toList());
  }

  private TableDescription execute(String name) {
    return Requests.run(delete, name);
  }

  private boolean holdsKeys(int keyspace) {
    try (Snapshot snapshot = db.storage().snapshot()) {
      return !StoreInvariants.contents(snapshot, KeyCodec.keyspaceRange(keyspace)).isEmpty();
    }
  }

  @Test
  void delete_describesTheTableAsDeleting_andItIsGoneAtOnce() {
    TableDescription deleted = execute("items");

    assertThat(deleted.status()).isEqualTo(TableStatus.DELETING);
    assertThat(deleted.table().name()).isEqualTo("items");
    assertThatThrownBy(() -> new DescribeTable(db).execute("items", Requests.request()))
        .hasMessage("Requested resource not found: Table: items not found");
    assertThatThrownBy(() -> new GetItem(db, ItemConsensus.NONE).execute(new GetItemInput("items", Map.of("id", s("i0"), "rk", s("r")),
        null, null, null, null, null), Requests.request()))
        .isInstanceOfSatisfying(DynamoException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND))
        .hasMessage("Requested resource not found");
  }

  @Test
  void delete_closesTheStream_whichStaysReadable() {
    execute("items");

    assertThat(db.catalog().streams()).singleElement().satisfies(stream -> assertThat(stream.closed()).isNotNull());
  }

  @Test
  void droppedKeyspaces_areReclaimedInTheBackground_andANewTableOfTheNameStartsEmpty() {
    execute("items");
    assertThat(holdsKeys(table.keyspace())).isTrue();

    new KeyspaceReclaimer(db).runPass();
    TableMetadata again = tables.create("items", true, true, false);

    assertThat(holdsKeys(table.keyspace())).isFalse();
    assertThat(table.indexes()).allSatisfy(index -> assertThat(holdsKeys(index.keyspace())).isFalse());
    assertThat(again.keyspace()).isNotEqualTo(table.keyspace());
    assertThat(new GetItem(db, ItemConsensus.NONE).execute(new GetItemInput("items", Map.of("id", s("i0"), "rk", s("r")), null, null,
        null, null, null), Requests.request()).item()).isNull();
  }

  @Test
  void delete_ofAProtectedTable_isRefused_untilProtectionIsOff() {
    tables.setDeletionProtection("items", true);

    assertThatThrownBy(() -> execute("items"))
        .isInstanceOfSatisfying(DynamoException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION))
        .hasMessage("Resource cannot be deleted as it is currently protected against deletion. Disable deletion"
            + " protection first.");
    tables.setDeletionProtection("items", false);
    assertThat(execute("items").status()).isEqualTo(TableStatus.DELETING);
  }

  @Test
  void delete_ofATableThatDoesNotExist_isResourceNotFound_andANameIsRequired() {
    assertThatThrownBy(() -> execute("no-such-table"))
        .isInstanceOfSatisfying(DynamoException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND))
        .hasMessage("Requested resource not found: Table: no-such-table not found");
    assertThatThrownBy(() -> delete.validate(null))
        .hasMessage("The parameter 'TableName' is required but was not present in the request");
    assertThat(db.catalog().list()).extracting(TableMetadata::name).isEqualTo(List.of("items"));
  }
}
