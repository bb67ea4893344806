package io.shaledb.core.maintenance;

import static io.shaledb.core.op.TestTables.item;
import static io.shaledb.core.op.TestTables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.background.BackgroundService;
import io.shaledb.core.backup.Backup;
import io.shaledb.core.backup.BackupStatus;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.StoreInvariants;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.op.table.CreateBackup;
import io.shaledb.core.op.table.CreateBackupInput;
import io.shaledb.core.op.table.DeleteBackup;
import io.shaledb.core.op.table.DescribeBackup;
import io.shaledb.core.op.table.DescribeTable;
import io.shaledb.core.op.table.RestoreOverrides;
import io.shaledb.core.op.table.RestoreTableFromBackup;
import io.shaledb.core.op.table.RestoreTableFromBackupInput;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.schema.TableStatus;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.memory.MemoryEngine;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Backups and restores on the memory engine, with the copying services run pass by pass: what a backup holds, how a
 * restore fills its table, and how both resume after the database is opened again on the same storage (a restart).
 */
class BackupAndRestoreTest {
  private final MemoryEngine engine = new MemoryEngine();
  private Database db = new Database(engine, Clock.systemUTC(), "us-east-1");
  private TestTables tables = new TestTables(db);

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void createBackup_holdsTheTableAsOfTheRequest_notTheWritesBeforeTheCopy() {
    tables.create("orders", true, false, false);
    tables.put("orders", items(0, 100));
    Backup created = backup("orders");
    tables.put("orders", List.of(item("late", Map.of("g", s("x")))));
    tables.put("orders", items(0, 10).stream().map(i -> item(((AttributeValue.S) i.get("id")).value(),
        Map.of("g", s("changed")))).toList());

    Backup available = copyAll(created.arn());

    assertThat(created.status()).isEqualTo(BackupStatus.CREATING);
    assertThat(available.status()).isEqualTo(BackupStatus.AVAILABLE);
    assertThat(available.itemCount()).isEqualTo(100);
    assertThat(restoreAndScan(available.arn(), "restored")).isEqualTo(byId(items(0, 100)));
    StoreInvariants.check(db);
  }

  @Test
  void restore_fillsIndexesAndItemCollections_andServesNothingUntilActive() {
    tables.create("events", true, true, false);
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      items.add(Map.of("id", s("p" + (i % 7)), "rk", s("r" + i), "s", s("s" + i), "g", s("g" + (i % 5))));
    }
    tables.put("events", items);
    Backup backup = copyAll(backup("events").arn());

    restore(backup.arn(), "copy");
    new TableRestorer(db).runPass();

    assertThat(describe("copy")).isEqualTo(TableStatus.CREATING);
    assertThatThrownBy(() -> db.tableForItems("copy")).isInstanceOfSatisfying(DynamoException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
    assertThatThrownBy(() -> Requests.run(new DeleteBackup(db), backup.arn()))
        .isInstanceOfSatisfying(DynamoException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.BACKUP_IN_USE);
          assertThat(e.getMessage()).isEqualTo("Backup is being used to restore table: " + backup.arn());
        });
    runUntilIdle(new TableRestorer(db));
    assertThat(describe("copy")).isEqualTo(TableStatus.ACTIVE);
    assertThat(db.statistics().itemCount(db.catalog().find("copy").orElseThrow().keyspace())).isEqualTo(600);
    assertThat(db.catalog().find("copy").orElseThrow().options().restore().orElseThrow().inProgress()).isFalse();
    StoreInvariants.check(db);
  }

  @Test
  void deleteBackup_whileCreating_isBackupInUse_andRestoreFromIt_too() {
    tables.create("busy", false, false, false);
    Backup creating = backup("busy");

    assertThatThrownBy(() -> Requests.run(new DeleteBackup(db), creating.arn()))
        .isInstanceOfSatisfying(DynamoException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKUP_IN_USE));
    assertThatThrownBy(() -> restore(creating.arn(), "busy-copy"))
        .isInstanceOfSatisfying(DynamoException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKUP_IN_USE));
  }

  @Test
  void copy_interruptedByARestart_startsAgainFromAFreshSnapshot() {
    tables.create("big", false, false, false);
    tables.put("big", items(0, 3_000));
    Backup created = backup("big");
    new BackupCopier(db).runPass();
    restart();
    tables.put("big", List.of(item("after-restart", Map.of())));

    Backup available = copyAll(created.arn());

    assertThat(available.itemCount()).isEqualTo(3_001);
    assertThat(available.creationDateTime()).isAfterOrEqualTo(created.creationDateTime());
    assertThat(restoreAndScan(available.arn(), "big-copy")).containsKey("after-restart").hasSize(3_001);
    StoreInvariants.check(db);
  }

  @Test
  void copy_interruptedByARestart_ofADeletedTable_deletesTheBackup() {
    tables.create("gone", false, false, false);
    tables.put("gone", items(0, 2_000));
    Backup created = backup("gone");
    new BackupCopier(db).runPass();
    restart();
    tables.delete("gone");

    runUntilIdle(new BackupCopier(db));
    runUntilIdle(new KeyspaceReclaimer(db));

    assertThatThrownBy(() -> Requests.run(new DescribeBackup(db), created.arn()))
        .isInstanceOfSatisfying(DynamoException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKUP_NOT_FOUND));
    StoreInvariants.check(db);
  }

  @Test
  void deleteTable_whileItsBackupIsCopied_keepsItsItemsUntilTheCopyEnds() {
    tables.create("dropped", false, false, false);
    tables.put("dropped", items(0, 2_500));
    Backup created = backup("dropped");
    tables.delete("dropped");

    runUntilIdle(new KeyspaceReclaimer(db));
    Backup available = copyAll(created.arn());
    runUntilIdle(new KeyspaceReclaimer(db));

    assertThat(available.itemCount()).isEqualTo(2_500);
    assertThat(restoreAndScan(available.arn(), "dropped")).isEqualTo(byId(items(0, 2_500)));
    StoreInvariants.check(db);
  }

  @Test
  void reclaim_withMoreHeldKeyspacesThanAPass_stepsOverThem_andReclaimsTheRest() {
    List<TableMetadata> held = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      held.add(tables.create("held" + i, false, false, false));
      tables.put("held" + i, items(0, 1));
      backup("held" + i);
    }
    TableMetadata free = tables.create("free", false, false, false);
    tables.put("free", items(0, 1));
    held.forEach(table -> tables.delete(table.name()));
    tables.delete("free");

    boolean more = new KeyspaceReclaimer(db).runPass();

    assertThat(more).isFalse();
    assertThat(holdsKeys(free.keyspace())).isFalse();
    assertThat(held).allSatisfy(table -> assertThat(holdsKeys(table.keyspace())).isTrue());
  }

  @Test
  void restore_interruptedByARestart_resumesWhereItStopped() {
    tables.create("resumed", true, false, false);
    tables.put("resumed", items(0, 1_000));
    Backup backup = copyAll(backup("resumed").arn());
    restore(backup.arn(), "resumed-copy");
    new TableRestorer(db).runPass();
    new TableRestorer(db).runPass();
    restart();

    runUntilIdle(new TableRestorer(db));

    assertThat(describe("resumed-copy")).isEqualTo(TableStatus.ACTIVE);
    assertThat(scan("resumed-copy")).isEqualTo(byId(items(0, 1_000)));
    StoreInvariants.check(db);
  }

  @Test
  void deleteTable_whileItIsRestored_isResourceInUse() {
    tables.create("short-lived", false, false, false);
    tables.put("short-lived", items(0, 1_000));
    Backup backup = copyAll(backup("short-lived").arn());
    restore(backup.arn(), "short-lived-copy");
    new TableRestorer(db).runPass();

    assertThatThrownBy(() -> tables.delete("short-lived-copy")).isInstanceOfSatisfying(DynamoException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_IN_USE);
      assertThat(e.getMessage())
          .isEqualTo("Attempt to change a resource which is still in use: Table is being created: short-lived-copy");
    });
    assertThatThrownBy(() -> tables.enableTimeToLive("short-lived-copy", "exp"))
        .isInstanceOfSatisfying(DynamoException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_IN_USE));
    runUntilIdle(new TableRestorer(db));
    tables.delete("short-lived-copy");
    runUntilIdle(new KeyspaceReclaimer(db));
    StoreInvariants.check(db);
  }

  @Test
  void restore_beyondFiftyAtOnce_isLimitExceeded() {
    tables.create("popular", false, false, false);
    tables.put("popular", items(0, 10));
    List<String> backups = new ArrayList<>();
    for (int i = 0; i <= 50; i++) {
      backups.add(backup("popular").arn());
    }
    runUntilIdle(new BackupCopier(db));
    for (int i = 0; i < 50; i++) {
      restore(backups.get(i), "popular-" + i);
    }

    assertThatThrownBy(() -> restore(backups.get(50), "popular-50")).isInstanceOfSatisfying(DynamoException.class,
        e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
          assertThat(e.getMessage()).isEqualTo("Subscriber limit exceeded: Only 50 restore operations can be done simultaneously");
        });
    runUntilIdle(new TableRestorer(db));
    restore(backups.get(50), "popular-50");
    runUntilIdle(new TableRestorer(db));
    assertThat(describe("popular-50")).isEqualTo(TableStatus.ACTIVE);
    StoreInvariants.check(db);
  }

  private Backup backup(String table) {
    return Requests.run(new CreateBackup(db), new CreateBackupInput(table, "b-" + table));
  }

  private Backup copyAll(String arn) {
    runUntilIdle(new BackupCopier(db));
    return Requests.run(new DescribeBackup(db), arn);
  }

  private void restore(String arn, String target) {
    Requests.run(new RestoreTableFromBackup(db), new RestoreTableFromBackupInput(target, arn, RestoreOverrides.NONE));
  }

  private Map<String, Map<String, AttributeValue>> restoreAndScan(String arn, String target) {
    restore(arn, target);
    runUntilIdle(new TableRestorer(db));
    return scan(target);
  }

  /** Runs passes until the service reports no more work; a few thousand at most. */
  private static void runUntilIdle(BackgroundService service) {
    for (int pass = 0; pass < 10_000 && service.runPass(); pass++) {
      // each pass does a bounded amount of work
    }
  }

  private boolean holdsKeys(int keyspace) {
    try (Snapshot snapshot = db.storage().snapshot()) {
      return !StoreInvariants.contents(snapshot, KeyCodec.keyspaceRange(keyspace)).isEmpty();
    }
  }

  /** The database opened again on the same storage, as after a restart: nothing of the old one's memory is left. */
  private void restart() {
    db.close();
    db = new Database(engine, Clock.systemUTC(), "us-east-1");
    tables = new TestTables(db);
  }

  private TableStatus describe(String table) {
    return Requests.run(new DescribeTable(db), table).status();
  }

  private Map<String, Map<String, AttributeValue>> scan(String table) {
    return byId(tables.scan(table));
  }

  private static List<Map<String, AttributeValue>> items(int from, int to) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int i = from; i < to; i++) {
      items.add(item("i" + i, Map.of("g", s("g" + (i % 13)))));
    }
    return items;
  }

  private static Map<String, Map<String, AttributeValue>> byId(List<Map<String, AttributeValue>> items) {
    Map<String, Map<String, AttributeValue>> byId = new HashMap<>();
    items.forEach(i -> byId.put(((AttributeValue.S) i.get("id")).value(), i));
    return byId;
  }
}
