package io.shaledb.core.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.api.BackupTypeFilter;
import io.shaledb.core.background.BackgroundService;
import io.shaledb.core.backup.Backup;
import io.shaledb.core.backup.BackupStatus;
import io.shaledb.core.backup.BackupType;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.MutableClock;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.Principal;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.StoreInvariants;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.op.table.CreateTableInput.KeySchemaElement;
import io.shaledb.core.op.table.CreateTableInput.SecondaryIndex;
import io.shaledb.core.op.table.DeleteBackup;
import io.shaledb.core.op.table.DeleteTable;
import io.shaledb.core.op.table.DescribeBackup;
import io.shaledb.core.op.table.ListBackups;
import io.shaledb.core.op.table.ListBackupsInput;
import io.shaledb.core.op.table.RestoreOverrides;
import io.shaledb.core.op.table.RestoreTableFromBackup;
import io.shaledb.core.op.table.RestoreTableFromBackupInput;
import io.shaledb.core.op.table.RestoreTableToPointInTime;
import io.shaledb.core.op.table.RestoreTableToPointInTimeInput;
import io.shaledb.core.op.table.UpdateContinuousBackups;
import io.shaledb.core.op.table.UpdateContinuousBackupsInput;
import io.shaledb.core.schema.IndexMetadata.ProjectionType;
import io.shaledb.core.schema.KeyType;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.write.ItemWrite;
import io.shaledb.core.write.WriteCondition;
import io.shaledb.core.write.WritePipeline;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a table deleted with point-in-time recovery on leaves (a SYSTEM backup, until it expires), and how restores
 * behave when their source is deleted or loses its history while they run, on the memory engine with the background
 * services run pass by pass and a clock the test moves.
 */
class DeletedTableRecoveryTest {
  private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
  private final MutableClock clock = new MutableClock(START);
  private final Database db = new Database(new MemoryEngine(), clock, "us-east-1");
  private final TestTables tables = new TestTables(db);
  private final WritePipeline writes = new WritePipeline(db);

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void deleteTable_withRecoveryOn_keepsASystemBackupOfItsItems_whichRestores() {
    recoverable("kept");
    put("kept", "a", "1");
    put("kept", "b", "2");
    tick();
    run(new DeleteTable(db), "kept");
    runUntilIdle(new KeyspaceReclaimer(db));

    Backup system = onlySystemBackup("kept");
    assertThat(system.name()).isEqualTo("kept$DeletedTableBackup");
    assertThat(system.status()).isEqualTo(BackupStatus.AVAILABLE);
    assertThat(system.arn()).isEqualTo(db.tableArn("kept") + "/backup/0" + clock.millis() + "-00000000");
    assertThat(system.expiryDateTime()).contains(clock.instant().plus(Duration.ofDays(35)));
    assertThat(system.itemCount()).isEqualTo(2);
    assertThat(listBackups(BackupTypeFilter.USER)).isEmpty();
    assertThat(restoreFromBackup(system.arn(), "kept-again")).isEqualTo(Map.of("a", "1", "b", "2"));
    StoreInvariants.check(db);
  }

  @Test
  void deleteTable_withRecoveryOff_keepsNothing() {
    tables.create("plain", false, false, false);
    put("plain", "a", "1");

    run(new DeleteTable(db), "plain");

    assertThat(listBackups(BackupTypeFilter.ALL)).isEmpty();
  }

  @Test
  void deleteBackup_ofASystemBackup_isRefusedUntilItExpires() {
    recoverable("protected");
    run(new DeleteTable(db), "protected");
    Backup system = onlySystemBackup("protected");

    assertThatThrownBy(() -> run(new DeleteBackup(db), system.arn())).isInstanceOfSatisfying(DynamoException.class,
        e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
          assertThat(e.getMessage()).isEqualTo("Invalid Request: User is not allowed to delete the system backup"
              + " with arn " + system.arn() + ". It will automatically expire on 2026-07-06T00:00:00Z");
        });
  }

  @Test
  void systemBackup_pastItsRetention_expires_andItsItemsAreReclaimed() {
    recoverable("expiring");
    put("expiring", "a", "1");
    int keyspace = table("expiring").keyspace();
    run(new DeleteTable(db), "expiring");
    Backup system = onlySystemBackup("expiring");

    clock.advance(Duration.ofDays(35).minusMillis(1));
    new BackupExpiry(db).runPass();
    assertThat(run(new DescribeBackup(db), system.arn()).status()).isEqualTo(BackupStatus.AVAILABLE);
    clock.advance(Duration.ofMillis(1));
    new BackupExpiry(db).runPass();
    runUntilIdle(new KeyspaceReclaimer(db));

    assertThatThrownBy(() -> run(new DescribeBackup(db), system.arn())).isInstanceOfSatisfying(
        DynamoException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKUP_NOT_FOUND));
    assertThat(keys(keyspace)).isZero();
    StoreInvariants.check(db);
  }

  @Test
  void restoreToPointInTime_whoseSourceIsDeletedMidway_completesFromWhatItPinned() {
    recoverable("source");
    for (int i = 0; i < 600; i++) {
      put("source", "k" + i, "before");
    }
    tick();
    Instant at = clock.instant();
    tick();
    for (int i = 0; i < 600; i += 2) {
      put("source", "k" + i, "after");
    }
    put("source", "new", "after");
    run(new RestoreTableToPointInTime(db), new RestoreTableToPointInTimeInput(null, "source", "as-before", null, at,
        RestoreOverrides.NONE));
    new TableRestorer(db).runPass();

    run(new DeleteTable(db), "source");
    runUntilIdle(new KeyspaceReclaimer(db));
    clock.advance(Duration.ofDays(40));
    runUntilIdle(new HistoryReclaimer(db));
    runUntilIdle(new TableRestorer(db));

    Map<String, String> expected = new TreeMap<>();
    for (int i = 0; i < 600; i++) {
      expected.put("k" + i, "before");
    }
    assertThat(items("as-before")).isEqualTo(expected);
    runUntilIdle(new KeyspaceReclaimer(db));
    StoreInvariants.check(db);
  }

  @Test
  void disablingRecovery_whileARestoreReadsItsHistory_abandonsTheRestore_andItsTableGoes() {
    recoverable("moving");
    for (int i = 0; i < 600; i++) {
      put("moving", "k" + i, "v");
    }
    tick();
    run(new RestoreTableToPointInTime(db), new RestoreTableToPointInTimeInput(null, "moving", "half", true, null,
        RestoreOverrides.NONE));
    new TableRestorer(db).runPass();

    run(new UpdateContinuousBackups(db), new UpdateContinuousBackupsInput("moving", true, false, null));
    runUntilIdle(new TableRestorer(db));
    runUntilIdle(new KeyspaceReclaimer(db));

    assertThat(db.catalog().find("half")).isEmpty();
    StoreInvariants.check(db);
  }

  @Test
  void restoreFromBackup_ofABackupAnotherRestoreReads_isBackupInUse_andSoIsDeletingIt() {
    recoverable("shared");
    put("shared", "a", "1");
    run(new DeleteTable(db), "shared");
    Backup system = onlySystemBackup("shared");
    run(new RestoreTableFromBackup(db), new RestoreTableFromBackupInput("first", system.arn(), RestoreOverrides.NONE));

    assertThatThrownBy(() -> run(new RestoreTableFromBackup(db),
        new RestoreTableFromBackupInput("second", system.arn(), RestoreOverrides.NONE)))
        .isInstanceOfSatisfying(DynamoException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.BACKUP_IN_USE);
          assertThat(e.getMessage()).isEqualTo("Backup is being used to restore another table: " + system.arn());
        });
    runUntilIdle(new TableRestorer(db));
    assertThat(restoreFromBackup(system.arn(), "second")).isEqualTo(Map.of("a", "1"));
  }

  @Test
  void restore_withAnIndexOverrideTheSourceLacks_isRefused() {
    tables.create("indexed", true, false, false);
    recoverable("indexed");
    SecondaryIndex renamed = new SecondaryIndex("renamed", List.of(new KeySchemaElement("g", Choice.of(KeyType.HASH))),
        Choice.of(ProjectionType.ALL), null, true, null);
    SecondaryIndex other = new SecondaryIndex("byOther", List.of(new KeySchemaElement("g", Choice.of(KeyType.HASH))),
        Choice.of(ProjectionType.KEYS_ONLY), null, true, null);

    run(new RestoreTableToPointInTime(db), new RestoreTableToPointInTimeInput(null, "indexed", "renamed-copy", true,
        null, new RestoreOverrides(null, List.of(renamed), null, null, null, List.of())));
    assertThatThrownBy(() -> run(new RestoreTableToPointInTime(db), new RestoreTableToPointInTimeInput(null,
        "indexed", "other-copy", true, null, new RestoreOverrides(null, List.of(other), null, null, null, List.of()))))
        .isInstanceOfSatisfying(DynamoException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
          assertThat(e.getMessage()).isEqualTo("Invalid Request: Index byOther does not match a secondary index that"
              + " existed in the source table and cannot be created during the restore operation");
        });
    assertThat(db.catalog().find("other-copy")).isEmpty();
    assertThat(table("renamed-copy").indexes()).extracting(index -> index.name()).containsExactly("renamed");
  }

  private void recoverable(String name) {
    if (db.catalog().find(name).isEmpty()) {
      tables.create(name, false, false, false);
    }
    run(new UpdateContinuousBackups(db), new UpdateContinuousBackupsInput(name, true, true, 1L));
  }

  private void tick() {
    clock.advance(Duration.ofMillis(5));
  }

  private TableMetadata table(String name) {
    return db.catalog().find(name).orElseThrow();
  }

  private void put(String table, String id, String value) {
    TableMetadata metadata = table(table);
    writes.write(request(), ItemWrite.put(metadata,
        KeyCodec.itemKey(metadata.keyspace(), new AttributeValue.S(id), null), WriteCondition.NONE,
        Map.of("id", new AttributeValue.S(id), "v", new AttributeValue.S(value))));
  }

  private Backup onlySystemBackup(String table) {
    List<Backup> backups = run(new ListBackups(db), new ListBackupsInput(table, null, null, null, null,
        Choice.of(BackupTypeFilter.SYSTEM))).backups();
    assertThat(backups).hasSize(1).allSatisfy(b -> assertThat(b.type()).isEqualTo(BackupType.SYSTEM));
    return backups.getFirst();
  }

  private List<Backup> listBackups(BackupTypeFilter type) {
    return run(new ListBackups(db), new ListBackupsInput(null, null, null, null, null, Choice.of(type))).backups();
  }

  private Map<String, String> restoreFromBackup(String arn, String target) {
    run(new RestoreTableFromBackup(db), new RestoreTableFromBackupInput(target, arn, RestoreOverrides.NONE));
    runUntilIdle(new TableRestorer(db));
    return items(target);
  }

  /** The items of an ACTIVE table, as id to value. */
  private Map<String, String> items(String name) {
    TableMetadata table = table(name);
    assertThat(table.restoring()).isFalse();
    Map<String, String> items = new TreeMap<>();
    for (Map<String, AttributeValue> item : tables.scan(name)) {
      items.put(((AttributeValue.S) item.get("id")).value(), ((AttributeValue.S) item.get("v")).value());
    }
    return items;
  }

  private long keys(int keyspace) {
    long count = 0;
    try (Snapshot snapshot = db.storage().snapshot();
        KvCursor cursor = snapshot.scan(KeyCodec.keyspaceRange(keyspace), false)) {
      while (cursor.next()) {
        count++;
      }
    }
    return count;
  }

  private RequestContext request() {
    return RequestContext.internal(Principal.caller("test"), clock);
  }

  private <I, O> O run(Operation<I, O> operation, I input) {
    try {
      operation.validate(input);
      return operation.execute(input, request());
    } catch (DynamoException e) {
      throw operation.reported(e);
    }
  }

  /** Runs passes until the service reports no more work; a few thousand at most. */
  private static void runUntilIdle(BackgroundService service) {
    for (int pass = 0; pass < 10_000 && service.runPass(); pass++) {
      // each pass does a bounded amount of work
    }
  }
}
