package io.shaledb.core.op.replication;

import io.shaledb.core.replication.ReplicatedChange;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A peer region's ApplyReplicatedChanges call, as decoded: any member may be null. */
public record ApplyReplicatedChangesInput(@Nullable String tableName, @Nullable String sourceRegion,
    @Nullable List<ReplicatedChange> changes) {}
