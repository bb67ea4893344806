package io.shaledb.core.replication;

import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.IndexMetadata.ProjectionType;
import io.shaledb.core.schema.KeyAttribute;
import io.shaledb.core.schema.KeySchema;
import io.shaledb.core.schema.OnDemandThroughput;
import io.shaledb.core.schema.Replica;
import io.shaledb.core.schema.Replica.ReplicaStatus;
import io.shaledb.core.schema.ReplicaOverrides;
import io.shaledb.core.schema.Replication;
import io.shaledb.core.schema.TableClass;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.schema.TimeToLive;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a table of version 2019.11.21 keeps the same in every replica, as DynamoDB synchronizes it (developer guide,
 * global tables' settings): the global indexes, billing mode, capacities and OnDemandThroughput (reads and table
 * class unless a replica overrides them), time to live; and every replica's overrides, which each region describes.
 * Deletion protection, tags, point-in-time recovery, contributor insights and Kinesis destinations stay per region.
 * Two tables whose shared settings are equal need nothing sent: a region compares the settings before and after a
 * change to know whether its replicas must hear of it, and after sending whether a newer change came meanwhile.
 */
public record SharedSettings(BillingMode billingMode, long readCapacityUnits, long writeCapacityUnits,
    Optional<OnDemandThroughput> onDemandThroughput, TableClass tableClass, TimeToLive timeToLive,
    List<KeyAttribute> attributeDefinitions, List<GlobalIndex> globalIndexes, ReplicaOverrides overrides,
    Map<String, ReplicaOverrides> replicaOverrides) {

  public SharedSettings {
    attributeDefinitions = List.copyOf(attributeDefinitions);
    globalIndexes = List.copyOf(globalIndexes);
    replicaOverrides = Map.copyOf(replicaOverrides);
  }

  /** A global index as every replica has it (its keyspace and build state are each region's own). */
  public record GlobalIndex(String name, KeySchema keySchema, ProjectionType projectionType,
      List<String> nonKeyAttributes, long readCapacityUnits, long writeCapacityUnits,
      Optional<OnDemandThroughput> onDemandThroughput) {
    public GlobalIndex {
      nonKeyAttributes = List.copyOf(nonKeyAttributes);
    }
  }

  public static SharedSettings of(TableMetadata table) {
    Replication replication = table.options().replication().orElse(null);
    Map<String, ReplicaOverrides> replicaOverrides = new HashMap<>();
    if (replication != null) {
      for (Replica replica : replication.replicas()) {
        // A replica without overrides, or on its way out, has nothing for the others to describe.
        if (!replica.overrides().equals(ReplicaOverrides.NONE) && replica.status() != ReplicaStatus.DELETING) {
          replicaOverrides.put(replica.region(), replica.overrides());
        }
      }
    }
    return new SharedSettings(table.billingMode(), table.provisionedThroughput().readCapacityUnits(),
        table.provisionedThroughput().writeCapacityUnits(), table.options().onDemandThroughput(),
        table.options().tableClass(), table.timeToLive(), table.attributeDefinitions(),
        table.indexes().stream().filter(index -> !index.local()).map(SharedSettings::globalIndex).toList(),
        replication == null ? ReplicaOverrides.NONE : replication.overrides(), replicaOverrides);
  }

  private static GlobalIndex globalIndex(IndexMetadata index) {
    return new GlobalIndex(index.name(), index.keySchema(), index.projectionType(), index.nonKeyAttributes(),
        index.provisionedThroughput().readCapacityUnits(), index.provisionedThroughput().writeCapacityUnits(),
        index.onDemandThroughput());
  }
}
