package io.shaledb.core.op.table;

import org.jspecify.annotations.Nullable;

/** RestoreTableFromBackup's request, as decoded. */
public record RestoreTableFromBackupInput(
    @Nullable String targetTableName, @Nullable String backupArn, RestoreOverrides overrides) {}
