package io.shaledb.core.op.table;

import io.shaledb.core.api.BackupTypeFilter;
import io.shaledb.core.validate.Choice;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * ListBackups' request, as decoded. {@code tableName} may be the table's ARN.
 *
 * @param timeRangeLowerBound backups created at or after it
 * @param timeRangeUpperBound backups created before it
 */
public record ListBackupsInput(
    @Nullable String tableName,
    @Nullable Long limit,
    @Nullable Instant timeRangeLowerBound,
    @Nullable Instant timeRangeUpperBound,
    @Nullable String exclusiveStartBackupArn,
    @Nullable Choice<BackupTypeFilter> backupType) {}
