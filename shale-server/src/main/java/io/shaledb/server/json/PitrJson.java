package io.shaledb.server.json;

import io.shaledb.core.op.table.RestoreTableToPointInTimeInput;
import java.io.IOException;
import java.time.Instant;

/** RestoreTableToPointInTime's request; its response is a TableDescription ({@link TableJson}). */
public final class PitrJson {
  private PitrJson() {}

  public static RestoreTableToPointInTimeInput readRestoreTableToPointInTime(JsonInput in) throws IOException {
    String sourceArn = null;
    String sourceName = null;
    String targetName = null;
    Boolean latest = null;
    Instant at = null;
    BackupJson.OverrideMembers overrides = new BackupJson.OverrideMembers();
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "SourceTableArn" -> sourceArn = in.readString();
        case "SourceTableName" -> sourceName = in.readString();
        case "TargetTableName" -> targetName = in.readString();
        case "UseLatestRestorableTime" -> latest = in.readBoolean();
        case "RestoreDateTime" -> at = in.readTimestamp();
        default -> overrides.read(in);
      }
    }
    return new RestoreTableToPointInTimeInput(sourceArn, sourceName, targetName, latest, at, overrides.build());
  }
}
