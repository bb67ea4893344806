package io.shaledb.core.op.table;

import org.jspecify.annotations.Nullable;

/** CreateBackup's request, as decoded. {@code tableName} may be the table's ARN. */
public record CreateBackupInput(@Nullable String tableName, @Nullable String backupName) {}
