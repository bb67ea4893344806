package io.shaledb.core.op.replication;

import io.shaledb.core.replication.ReplicatedChange;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A peer region's ApplyReplicatedChanges call, as decoded: any member but {@code filled} may be null.
 *
 * @param filled whether the caller has sent all its items to the replica it created here (its backfill's end)
 * @param lowWatermark the caller's low watermark ({@link io.shaledb.core.catalog.ReplicaWatermark}), when it sent one
 */
public record ApplyReplicatedChangesInput(@Nullable String tableName, @Nullable String sourceRegion,
    @Nullable List<ReplicatedChange> changes, boolean filled, @Nullable Long lowWatermark) {

  /** A call without a low watermark. */
  public ApplyReplicatedChangesInput(@Nullable String tableName, @Nullable String sourceRegion,
      @Nullable List<ReplicatedChange> changes, boolean filled) {
    this(tableName, sourceRegion, changes, filled, null);
  }
}
