package io.shaledb.core.op.table;

import io.shaledb.core.op.table.UpdateTableInput.ReplicaUpdate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** UpdateGlobalTable's request, as decoded: its ReplicaUpdates are Create or Delete actions naming a region. */
public record UpdateGlobalTableInput(@Nullable String globalTableName, @Nullable List<ReplicaUpdate> replicaUpdates)
    implements GlobalTableRequest {}
