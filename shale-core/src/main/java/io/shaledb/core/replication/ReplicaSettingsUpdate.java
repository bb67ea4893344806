package io.shaledb.core.replication;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.ProvisionedThroughput;
import io.shaledb.core.schema.TableClass;
import io.shaledb.core.schema.TableMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The settings UpdateGlobalTableSettings gives one replica of a global table of version 2017.11.29, each null when
 * left as it is: the billing mode and write capacity every replica shares, the read capacity and table class of this
 * replica, and its global indexes' capacities by index name.
 */
public record ReplicaSettingsUpdate(@Nullable BillingMode billingMode, @Nullable Long writeCapacityUnits,
    @Nullable Long readCapacityUnits, @Nullable TableClass tableClass, Map<String, IndexCapacity> indexes) {

  public ReplicaSettingsUpdate {
    indexes = Map.copyOf(indexes);
  }

  /** A global index's new capacities, each null when left as it is. */
  public record IndexCapacity(@Nullable Long readCapacityUnits, @Nullable Long writeCapacityUnits) {}

  public boolean isEmpty() {
    return billingMode == null && writeCapacityUnits == null && readCapacityUnits == null && tableClass == null
        && indexes.isEmpty();
  }

  /**
   * {@code table} with these settings. Capacities of a table that is or becomes on-demand are not kept (DynamoDB
   * describes none for it).
   *
   * @throws DynamoException IndexNotFoundException for an index the table does not have
   */
  public TableMetadata applyTo(TableMetadata table, Instant now) {
    BillingMode mode = billingMode == null ? table.billingMode() : billingMode;
    TableMetadata updated = table;
    if (mode == BillingMode.PAY_PER_REQUEST) {
      Optional<Instant> since = table.billingMode() == BillingMode.PAY_PER_REQUEST
          ? table.lastUpdateToPayPerRequest() : Optional.of(now);
      updated = updated.withCapacity(mode, ProvisionedThroughput.ON_DEMAND, since);
    } else {
      ProvisionedThroughput current = table.provisionedThroughput();
      updated = updated.withCapacity(mode, ProvisionedThroughput.of(
          readCapacityUnits == null ? current.readCapacityUnits() : readCapacityUnits,
          writeCapacityUnits == null ? current.writeCapacityUnits() : writeCapacityUnits),
          table.lastUpdateToPayPerRequest());
    }
    for (String name : indexes.keySet()) {
      if (table.index(name) == null) {
        throw new DynamoException(ErrorCode.INDEX_NOT_FOUND, "The operation tried to access a nonexistent index.");
      }
    }
    List<IndexMetadata> updatedIndexes = new ArrayList<>();
    for (IndexMetadata index : table.indexes()) {
      IndexCapacity capacity = indexes.get(index.name());
      if (index.local()) {
        updatedIndexes.add(index);
      } else if (mode == BillingMode.PAY_PER_REQUEST) {
        updatedIndexes.add(index.withThroughput(ProvisionedThroughput.ON_DEMAND, index.onDemandThroughput()));
      } else {
        ProvisionedThroughput current = index.provisionedThroughput();
        long read = capacity == null || capacity.readCapacityUnits() == null ? current.readCapacityUnits()
            : capacity.readCapacityUnits();
        long write = capacity == null || capacity.writeCapacityUnits() == null ? current.writeCapacityUnits()
            : capacity.writeCapacityUnits();
        updatedIndexes.add(index.withThroughput(ProvisionedThroughput.of(read, write), index.onDemandThroughput()));
      }
    }
    updated = updated.withIndexes(updatedIndexes);
    return tableClass == null ? updated : updated.withOptions(updated.options().withTableClass(tableClass));
  }
}
