package io.shaledb.core.op.table;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** CreateGlobalTable's request, as decoded: the name and the regions of the ReplicationGroup, each may be null. */
public record CreateGlobalTableInput(@Nullable String globalTableName, @Nullable List<String> replicationGroup)
    implements GlobalTableRequest {}
