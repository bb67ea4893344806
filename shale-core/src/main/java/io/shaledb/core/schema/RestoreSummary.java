package io.shaledb.core.schema;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a restored table came from, as DescribeTable reports it in RestoreSummary: kept for the table's life, with
 * {@code inProgress} true while its items are still being copied (the table is CREATING and serves no item
 * requests until then).
 *
 * @param sourceBackupArn the backup restored, absent for a point-in-time restore
 * @param sourceTableArn the table the items came from
 * @param restoreDateTime the instant whose items the table holds
 */
public record RestoreSummary(
    Optional<String> sourceBackupArn, String sourceTableArn, Instant restoreDateTime, boolean inProgress) {

  public RestoreSummary completed() {
    return new RestoreSummary(sourceBackupArn, sourceTableArn, restoreDateTime, false);
  }
}
