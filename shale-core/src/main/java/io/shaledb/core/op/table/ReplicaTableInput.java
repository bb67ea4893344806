package io.shaledb.core.op.table;

import io.shaledb.core.replication.ReplicationStamp;
import io.shaledb.core.schema.TableMetadata;
import org.jspecify.annotations.Nullable;

/**
 * A peer region's CreateReplicaTable, AddReplicaRegion, UpdateReplicaTable or DeleteReplicaTable call, as decoded: the
 * region that calls and the table, in the catalog's own format where its settings matter (docs/global-tables.md, "The
 * replication calls").
 *
 * @param table the source table's metadata (CreateReplicaTable, UpdateReplicaTable, AddReplicaRegion), or null
 * @param tableName the table's name (AddReplicaRegion from an older peer, DeleteReplicaTable), or null
 * @param regionName the region that holds a replica now (AddReplicaRegion), or null
 * @param settingsStamp the stamp of the shared settings {@code table} has (CreateReplicaTable, UpdateReplicaTable), or
 *     null when the source recorded none
 */
public record ReplicaTableInput(@Nullable String sourceRegion, @Nullable TableMetadata table,
    @Nullable String tableName, @Nullable String regionName, @Nullable ReplicationStamp settingsStamp) {}
