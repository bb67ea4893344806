package io.shaledb.core.op.table;

import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.TableClass;
import io.shaledb.core.validate.Choice;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * UpdateGlobalTableSettings' request, as decoded: the billing mode and write capacities every replica shares, and
 * each replica's read capacities and table class. Any member may be null.
 */
public record UpdateGlobalTableSettingsInput(
    @Nullable String globalTableName,
    @Nullable Choice<BillingMode> billingMode,
    @Nullable Long writeCapacityUnits,
    @Nullable List<IndexCapacity> globalIndexes,
    @Nullable List<ReplicaSettings> replicas) implements GlobalTableRequest {

  /** An index's capacity: its write capacity in GlobalTableGlobalSecondaryIndexSettingsUpdate, read in a replica's. */
  public record IndexCapacity(@Nullable String indexName, @Nullable Long capacityUnits) {}

  /** One ReplicaSettingsUpdate entry. */
  public record ReplicaSettings(@Nullable String regionName, @Nullable Long readCapacityUnits,
      @Nullable Choice<TableClass> tableClass, @Nullable List<IndexCapacity> globalIndexes) {}
}
