package io.shaledb.server.json;

import io.shaledb.core.op.table.RestoreTableToPointInTimeInput;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** RestoreTableToPointInTime's request; its response is a TableDescription ({@link TableJson}). */
public final class PitrJson {
  private PitrJson() {}

  public static RestoreTableToPointInTimeInput readRestoreTableToPointInTime(JsonInput in) throws IOException {
    String sourceArn = null;
    String sourceName = null;
    String targetName = null;
    Boolean latest = null;
    BigDecimal at = null;
    List<String> overrides = new ArrayList<>();
    in.beginRequest();
    while (in.nextField()) {
      switch (in.fieldName()) {
        case "SourceTableArn" -> sourceArn = in.readString();
        case "SourceTableName" -> sourceName = in.readString();
        case "TargetTableName" -> targetName = in.readString();
        case "UseLatestRestorableTime" -> latest = in.readBoolean();
        case "RestoreDateTime" -> at = in.readEpochSeconds();
        case "BillingModeOverride", "GlobalSecondaryIndexOverride", "LocalSecondaryIndexOverride",
            "ProvisionedThroughputOverride", "OnDemandThroughputOverride", "SSESpecificationOverride" -> {
          overrides.add(in.fieldName());
          in.skipValue();
        }
        default -> in.skipValue();
      }
    }
    return new RestoreTableToPointInTimeInput(sourceArn, sourceName, targetName, latest, at, overrides);
  }
}
