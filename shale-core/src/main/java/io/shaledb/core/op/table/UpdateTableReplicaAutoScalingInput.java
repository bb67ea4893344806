package io.shaledb.core.op.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * UpdateTableReplicaAutoScaling's request, as decoded: the table, the regions of its ReplicaUpdates (null where an
 * update names none), and the other members present (ProvisionedWriteCapacityAutoScalingUpdate,
 * GlobalSecondaryIndexUpdates).
 */
public record UpdateTableReplicaAutoScalingInput(@Nullable String tableName, List<String> replicaRegions,
    List<String> scalingUpdates) {
  public UpdateTableReplicaAutoScalingInput {
    replicaRegions = Collections.unmodifiableList(new ArrayList<>(replicaRegions));
    scalingUpdates = List.copyOf(scalingUpdates);
  }
}
