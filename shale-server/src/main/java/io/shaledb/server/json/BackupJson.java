package io.shaledb.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.api.BackupTypeFilter;
import io.shaledb.core.backup.Backup;
import io.shaledb.core.backup.BackupStatus;
import io.shaledb.core.backup.BackupType;
import io.shaledb.core.op.table.ContinuousBackupsOutput;
import io.shaledb.core.op.table.CreateBackupInput;
import io.shaledb.core.op.table.CreateTableInput.OnDemandThroughputSpecification;
import io.shaledb.core.op.table.CreateTableInput.SecondaryIndex;
import io.shaledb.core.op.table.CreateTableInput.Throughput;
import io.shaledb.core.op.table.ListBackupsInput;
import io.shaledb.core.op.table.ListBackupsOutput;
import io.shaledb.core.op.table.RestoreOverrides;
import io.shaledb.core.op.table.RestoreTableFromBackupInput;
import io.shaledb.core.op.table.UpdateContinuousBackupsInput;
import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.KeyAttribute;
import io.shaledb.core.schema.ProvisionedThroughput;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.Choice;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Requests and responses of the backup operations, on-demand and continuous. */
public final class BackupJson {
  private BackupJson() {}

  public static UpdateContinuousBackupsInput readUpdateContinuousBackups(JsonInput in) throws IOException {
    String tableName = null;
    boolean present = false;
    Boolean enabled = null;
    Long days = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "TableName" -> tableName = in.readString();
        case "PointInTimeRecoverySpecification" -> {
          present = in.beginStructure();
          while (present && in.nextField()) {
            switch (in.fieldName()) {
              case "PointInTimeRecoveryEnabled" -> enabled = in.readBoolean();
              case "RecoveryPeriodInDays" -> days = in.readLong();
              default -> in.skipValue();
            }
          }
        }
        default -> in.skipValue();
      }
    }
    return new UpdateContinuousBackupsInput(tableName, present, enabled, days);
  }

  public static void writeContinuousBackups(JsonGenerator g, ContinuousBackupsOutput out) throws IOException {
    g.writeStartObject();
    g.writeObjectFieldStart("ContinuousBackupsDescription");
    // On-demand backups can be taken of every table, so continuous backups are ENABLED for all, as DynamoDB says.
    g.writeStringField("ContinuousBackupsStatus", "ENABLED");
    g.writeObjectFieldStart("PointInTimeRecoveryDescription");
    g.writeStringField("PointInTimeRecoveryStatus", out.recovery().isPresent() ? "ENABLED" : "DISABLED");
    if (out.recovery().isPresent()) {
      ContinuousBackupsOutput.RecoveryWindow window = out.recovery().get();
      TableJson.writeInstant(g, "EarliestRestorableDateTime", window.earliestRestorable());
      TableJson.writeInstant(g, "LatestRestorableDateTime", window.latestRestorable());
      g.writeNumberField("RecoveryPeriodInDays", window.recoveryPeriodDays());
    }
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndObject();
  }

  public static CreateBackupInput readCreateBackup(JsonInput in) throws IOException {
    String tableName = null;
    String backupName = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "TableName" -> tableName = in.readString();
        case "BackupName" -> backupName = in.readString();
        default -> in.skipValue();
      }
    }
    return new CreateBackupInput(tableName, backupName);
  }

  /** The BackupArn of DescribeBackup and DeleteBackup. */
  public static @Nullable String readBackupArn(JsonInput in) throws IOException {
    return TableJson.readSingleString(in, "BackupArn");
  }

  public static ListBackupsInput readListBackups(JsonInput in) throws IOException {
    String tableName = null;
    Long limit = null;
    Instant lower = null;
    Instant upper = null;
    String start = null;
    Choice<BackupTypeFilter> type = null;
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "TableName" -> tableName = in.readString();
        case "Limit" -> limit = in.readLong();
        case "TimeRangeLowerBound" -> lower = in.readTimestamp();
        case "TimeRangeUpperBound" -> upper = in.readTimestamp();
        case "ExclusiveStartBackupArn" -> start = in.readString();
        case "BackupType" -> type = in.readChoice(BackupTypeFilter.class);
        default -> in.skipValue();
      }
    }
    return new ListBackupsInput(tableName, limit, lower, upper, start, type);
  }

  public static RestoreTableFromBackupInput readRestoreTableFromBackup(JsonInput in) throws IOException {
    String target = null;
    String arn = null;
    OverrideMembers overrides = new OverrideMembers();
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "TargetTableName" -> target = in.readString();
        case "BackupArn" -> arn = in.readString();
        default -> overrides.read(in);
      }
    }
    return new RestoreTableFromBackupInput(target, arn, overrides.build());
  }

  /** The override members every restore request has, read as they come; other members are skipped. */
  static final class OverrideMembers {
    private @Nullable Choice<BillingMode> billingMode;
    private @Nullable List<SecondaryIndex> globals;
    private @Nullable List<SecondaryIndex> locals;
    private @Nullable Throughput throughput;
    private @Nullable OnDemandThroughputSpecification onDemand;
    private final List<String> unsupported = new ArrayList<>();

    /** Reads the current member: an override into its place, anything else skipped. */
    void read(JsonInput in) throws IOException {
      switch (in.fieldName()) {
        case "BillingModeOverride" -> billingMode = in.readChoice(BillingMode.class);
        case "GlobalSecondaryIndexOverride" -> globals = in.readList(TableJson::readSecondaryIndex);
        case "LocalSecondaryIndexOverride" -> locals = in.readList(TableJson::readSecondaryIndex);
        case "ProvisionedThroughputOverride" -> throughput = TableJson.readThroughput(in);
        case "OnDemandThroughputOverride" -> onDemand = TableJson.readOnDemandThroughput(in);
        case "SSESpecificationOverride" -> {
          if (!TableJson.readsDefaultEncryption(in)) {
            unsupported.add(in.fieldName());
          }
        }
        default -> in.skipValue();
      }
    }

    RestoreOverrides build() {
      return new RestoreOverrides(billingMode, globals, locals, throughput, onDemand, unsupported);
    }
  }

  /** CreateBackup's answer. */
  public static void writeBackupDetails(JsonGenerator g, Backup backup) throws IOException {
    g.writeStartObject();
    writeDetails(g, backup);
    g.writeEndObject();
  }

  /** DescribeBackup's and DeleteBackup's answer. */
  public static void writeBackupDescription(JsonGenerator g, Backup backup) throws IOException {
    g.writeStartObject();
    g.writeObjectFieldStart("BackupDescription");
    writeDetails(g, backup);
    writeSourceTable(g, backup);
    writeSourceFeatures(g, backup);
    g.writeEndObject();
    g.writeEndObject();
  }

  public static void writeListBackups(JsonGenerator g, ListBackupsOutput out) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("BackupSummaries");
    for (Backup backup : out.backups()) {
      g.writeStartObject();
      g.writeStringField("TableName", backup.table().name());
      g.writeStringField("TableId", backup.table().tableId());
      g.writeStringField("TableArn", backup.tableArn());
      writeBackupFields(g, backup);
      g.writeEndObject();
    }
    g.writeEndArray();
    if (out.lastEvaluatedBackupArn() != null) {
      g.writeStringField("LastEvaluatedBackupArn", out.lastEvaluatedBackupArn());
    }
    g.writeEndObject();
  }

  private static void writeDetails(JsonGenerator g, Backup backup) throws IOException {
    g.writeObjectFieldStart("BackupDetails");
    writeBackupFields(g, backup);
    g.writeEndObject();
  }

  /** The members BackupDetails and BackupSummary share; the size once the copy has measured it, the expiry if any. */
  private static void writeBackupFields(JsonGenerator g, Backup backup) throws IOException {
    g.writeStringField("BackupArn", backup.arn());
    g.writeStringField("BackupName", backup.name());
    TableJson.writeInstant(g, "BackupCreationDateTime", backup.creationDateTime());
    g.writeStringField("BackupStatus", backup.status().name());
    g.writeStringField("BackupType", backup.type().name());
    if (backup.expiryDateTime().isPresent()) {
      TableJson.writeInstant(g, "BackupExpiryDateTime", backup.expiryDateTime().get());
    }
    if (backup.status() != BackupStatus.CREATING) {
      g.writeNumberField("BackupSizeBytes", backup.sizeBytes());
    }
  }

  private static void writeSourceTable(JsonGenerator g, Backup backup) throws IOException {
    TableMetadata table = backup.table();
    g.writeObjectFieldStart("SourceTableDetails");
    g.writeStringField("TableName", table.name());
    g.writeStringField("TableId", table.tableId());
    g.writeStringField("TableArn", backup.tableArn());
    g.writeNumberField("TableSizeBytes", backup.sizeBytes());
    writeKeySchema(g, table.keySchema().partitionKeys(), table.keySchema().sortKeys());
    TableJson.writeInstant(g, "TableCreationDateTime", table.creationDateTime());
    writeUnits(g, table.provisionedThroughput());
    TableJson.writeOnDemandThroughput(g, table.options().onDemandThroughput());
    g.writeNumberField("ItemCount", backup.itemCount());
    g.writeStringField("BillingMode", table.billingMode().name());
    g.writeEndObject();
  }

  /**
   * The source's indexes, stream and time to live; a SYSTEM backup's are empty, as DynamoDB describes the backup it
   * keeps of a deleted table (the ack-api-quirks lab's probes, 2026-10), though it restores them.
   */
  private static void writeSourceFeatures(JsonGenerator g, Backup backup) throws IOException {
    g.writeObjectFieldStart("SourceTableFeatureDetails");
    if (backup.type() == BackupType.SYSTEM) {
      g.writeEndObject();
      return;
    }
    TableMetadata table = backup.table();
    writeIndexes(g, table, true);
    writeIndexes(g, table, false);
    if (table.stream() != null) {
      g.writeObjectFieldStart("StreamDescription");
      g.writeBooleanField("StreamEnabled", true);
      g.writeStringField("StreamViewType", table.stream().viewType().name());
      g.writeEndObject();
    }
    String ttl = table.timeToLiveAttribute();
    if (ttl != null) {
      g.writeObjectFieldStart("TimeToLiveDescription");
      g.writeStringField("TimeToLiveStatus", "ENABLED");
      g.writeStringField("AttributeName", ttl);
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void writeIndexes(JsonGenerator g, TableMetadata table, boolean local) throws IOException {
    List<IndexMetadata> indexes = table.indexes().stream().filter(i -> i.local() == local).toList();
    if (indexes.isEmpty()) {
      return;
    }
    g.writeArrayFieldStart(local ? "LocalSecondaryIndexes" : "GlobalSecondaryIndexes");
    for (IndexMetadata index : indexes) {
      g.writeStartObject();
      g.writeStringField("IndexName", index.name());
      writeKeySchema(g, index.keySchema().partitionKeys(), index.keySchema().sortKeys());
      TableJson.writeProjection(g, index);
      if (!local) {
        writeUnits(g, index.provisionedThroughput());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void writeKeySchema(JsonGenerator g, List<KeyAttribute> partition, List<KeyAttribute> sort)
      throws IOException {
    g.writeArrayFieldStart("KeySchema");
    for (KeyAttribute key : partition) {
      TableJson.writeKey(g, key, "HASH");
    }
    for (KeyAttribute key : sort) {
      TableJson.writeKey(g, key, "RANGE");
    }
    g.writeEndArray();
  }

  /** A backup's throughput: the two figures, without the table's dates of change. */
  private static void writeUnits(JsonGenerator g, ProvisionedThroughput throughput) throws IOException {
    g.writeObjectFieldStart("ProvisionedThroughput");
    g.writeNumberField("ReadCapacityUnits", throughput.readCapacityUnits());
    g.writeNumberField("WriteCapacityUnits", throughput.writeCapacityUnits());
    g.writeEndObject();
  }
}
