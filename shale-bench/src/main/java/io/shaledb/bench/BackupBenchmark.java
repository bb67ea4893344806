package io.shaledb.bench;

import io.shaledb.core.background.BackgroundService;
import io.shaledb.core.backup.Backup;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.maintenance.BackupCopier;
import io.shaledb.core.maintenance.TableRestorer;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Principal;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.table.CreateBackup;
import io.shaledb.core.op.table.CreateBackupInput;
import io.shaledb.core.op.table.CreateTable;
import io.shaledb.core.op.table.CreateTableInput;
import io.shaledb.core.op.table.CreateTableInput.AttributeDefinition;
import io.shaledb.core.op.table.CreateTableInput.KeySchemaElement;
import io.shaledb.core.op.table.DescribeBackup;
import io.shaledb.core.op.table.RestoreOverrides;
import io.shaledb.core.op.table.RestoreTableFromBackup;
import io.shaledb.core.op.table.RestoreTableFromBackupInput;
import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.KeyType;
import io.shaledb.core.schema.ScalarType;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.EngineOptions;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.write.ItemWrite;
import io.shaledb.core.write.WriteCondition;
import io.shaledb.core.write.WritePipeline;
import io.shaledb.rocksdb.RocksDbEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The cost of an on-demand backup and of a restore from it, on RocksDB with its default durability (every commit
 * synced): loads a table of {@code items} items of about 100 bytes, then times CreateBackup until the backup is
 * AVAILABLE and RestoreTableFromBackup until the table is ACTIVE, each with its copying service run pass after pass
 * on this thread, and reports the bytes the data directory grew by with the backup. One-shot timings, not a JMH
 * benchmark: a million-item copy is one long operation, not a loop to sample.
 *
 * <p>Run: {@code java -cp shale-bench/target/shale-benchmarks.jar io.shaledb.bench.BackupBenchmark [items]}
 * (default 1,000,000).
 */
public final class BackupBenchmark {
  private static final String PAYLOAD = "x".repeat(80);

  private BackupBenchmark() {}

  public static void main(String[] args) throws IOException {
    int items = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path directory = Files.createTempDirectory("shale-backup-bench");
    try (StorageEngine engine = RocksDbEngine.open(EngineOptions.defaults(directory));
        Database db = new Database(engine, Clock.systemUTC(), "us-east-1")) {
      RequestContext context = RequestContext.internal(Principal.caller("bench"), Clock.systemUTC());
      long loadStart = System.nanoTime();
      load(db, context, items);
      System.out.printf("loaded %,d items in %.1f s%n", items, seconds(loadStart));

      long before = size(directory);
      long backupStart = System.nanoTime();
      Backup created = new CreateBackup(db).execute(new CreateBackupInput("bench", "bench-backup"), context);
      int copyPasses = runUntilIdle(new BackupCopier(db));
      double backupSeconds = seconds(backupStart);
      Backup backup = new DescribeBackup(db).execute(created.arn(), context);
      long after = size(directory);
      System.out.printf("backup: %,d items, BackupSizeBytes %,d, %.1f s (%d passes), data directory %,d -> %,d"
          + " bytes (+%,d)%n", backup.itemCount(), backup.sizeBytes(), backupSeconds, copyPasses, before, after,
          after - before);

      long restoreStart = System.nanoTime();
      new RestoreTableFromBackup(db).execute(new RestoreTableFromBackupInput("bench-restored", backup.arn(),
          RestoreOverrides.NONE), context);
      int restorePasses = runUntilIdle(new TableRestorer(db));
      TableMetadata restored = db.catalog().find("bench-restored").orElseThrow();
      System.out.printf("restore: %,d items in %.1f s (%d passes), table restoring: %s%n",
          db.statistics().itemCount(restored.keyspace()), seconds(restoreStart), restorePasses, restored.restoring());
    } finally {
      try (Stream<Path> files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private static void load(Database db, RequestContext context, int items) {
    new CreateTable(db).execute(new CreateTableInput("bench",
        List.of(new AttributeDefinition("id", Choice.of(ScalarType.S))),
        List.of(new KeySchemaElement("id", Choice.of(KeyType.HASH))), Choice.of(BillingMode.PAY_PER_REQUEST), null,
        List.of(), null, null, null, null, List.of(), null, null, null, null), context);
    TableMetadata table = db.catalog().find("bench").orElseThrow();
    WritePipeline pipeline = new WritePipeline(db);
    for (int from = 0; from < items; from += 1_000) {
      List<ItemWrite> batch = new ArrayList<>(1_000);
      for (int n = from; n < Math.min(items, from + 1_000); n++) {
        AttributeValue id = new AttributeValue.S("item-" + n);
        batch.add(ItemWrite.put(table, KeyCodec.itemKey(table.keyspace(), id, null), WriteCondition.NONE,
            Map.of("id", id, "n", AttributeValue.N.of(String.valueOf(n)), "payload", new AttributeValue.S(PAYLOAD))));
      }
      pipeline.writeBatch(context, batch);
    }
  }

  private static int runUntilIdle(BackgroundService service) {
    int passes = 1;
    while (service.runPass()) {
      passes++;
    }
    return passes;
  }

  private static long size(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
