package io.shaledb.core.op.replication;

import io.shaledb.core.replication.ReplicatedChange;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A peer region's ApplyReplicatedChanges call, as decoded: any member but {@code filled} may be null.
 *
 * @param filled whether the caller has sent all its items to the replica it created here (its backfill's end)
 */
public record ApplyReplicatedChangesInput(@Nullable String tableName, @Nullable String sourceRegion,
    @Nullable List<ReplicatedChange> changes, boolean filled) {}
