package io.shaledb.core.op.table;

import io.shaledb.core.replication.ReplicaSettingsUpdate;
import org.jspecify.annotations.Nullable;

/** A peer region's UpdateReplicaSettings call, as decoded. */
public record ReplicaSettingsInput(@Nullable String sourceRegion, @Nullable String tableName,
    @Nullable ReplicaSettingsUpdate update) {}
