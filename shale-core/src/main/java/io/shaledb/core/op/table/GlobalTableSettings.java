package io.shaledb.core.op.table;

import io.shaledb.core.schema.Replica.ReplicaStatus;
import io.shaledb.core.schema.TableMetadata;
import java.util.List;

/**
 * DescribeGlobalTableSettings' and UpdateGlobalTableSettings' answer: each replica's status and its table, whose
 * billing mode, capacities, global indexes and table class are the replica's settings.
 */
public record GlobalTableSettings(String globalTableName, List<ReplicaSettings> replicas) {
  public GlobalTableSettings {
    replicas = List.copyOf(replicas);
  }

  public record ReplicaSettings(String region, ReplicaStatus status, TableMetadata table) {}
}
