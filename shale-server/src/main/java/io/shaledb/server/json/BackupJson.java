package io.shaledb.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.op.table.ContinuousBackupsOutput;
import io.shaledb.core.op.table.UpdateContinuousBackupsInput;
import java.io.IOException;

/** Requests and responses of the continuous backup operations. */
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
    g.writeStringField("ContinuousBackupsStatus", out.recovery().isPresent() ? "ENABLED" : "DISABLED");
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
}
