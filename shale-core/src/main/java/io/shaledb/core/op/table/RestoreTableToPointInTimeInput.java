package io.shaledb.core.op.table;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** RestoreTableToPointInTime's request, as decoded: any field but the overrides may be null. */
public record RestoreTableToPointInTimeInput(@Nullable String sourceTableArn, @Nullable String sourceTableName,
    @Nullable String targetTableName, @Nullable Boolean useLatestRestorableTime, @Nullable Instant restoreDateTime,
    RestoreOverrides overrides) {}
