package io.shaledb.core.op.table;

import io.shaledb.core.schema.TableMetadata;
import org.jspecify.annotations.Nullable;

/**
 * A peer region's CreateReplicaTable, AddReplicaRegion or DeleteReplicaTable call, as decoded: the region that calls
 * and the table, in the catalog's own format for a creation (docs/global-tables.md, "The replication calls").
 *
 * @param table the source table's metadata (CreateReplicaTable), or null
 * @param tableName the table's name (AddReplicaRegion, DeleteReplicaTable), or null
 * @param regionName the region that holds a replica now (AddReplicaRegion), or null
 */
public record ReplicaTableInput(@Nullable String sourceRegion, @Nullable TableMetadata table,
    @Nullable String tableName, @Nullable String regionName) {}
