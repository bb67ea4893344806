package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.table.UpdateGlobalTableSettingsInput.IndexCapacity;
import io.shaledb.core.op.table.UpdateGlobalTableSettingsInput.ReplicaSettings;
import io.shaledb.core.replication.ReplicaSettingsUpdate;
import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.TableClass;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * UpdateGlobalTableSettings: the billing mode and write capacities (the table's and each global index's) that every
 * replica of a global table of version 2017.11.29 shares, and each replica's read capacities and table class. Each
 * region concerned applies its settings to its own table: the others through their peer links, during the call, and
 * this one last; a region that fails the call leaves the regions before it changed, and calling again applies the
 * same settings again.
 */
public final class UpdateGlobalTableSettings implements Operation<UpdateGlobalTableSettingsInput, GlobalTableSettings> {
  private final Database db;

  public UpdateGlobalTableSettings(Database db) {
    this.db = db;
  }

  @Override
  public void validate(UpdateGlobalTableSettingsInput in) {
    ConstraintViolations v = new ConstraintViolations();
    v.notNull("globalTableName", in.globalTableName());
    TableNames.declared(v, "globalTableName", in.globalTableName());
    v.oneOf("globalTableBillingMode", in.billingMode(), BillingMode.values());
    v.range("globalTableProvisionedWriteCapacityUnits", in.writeCapacityUnits(), 1, Long.MAX_VALUE);
    for (ReplicaSettings replica : list(in.replicas())) {
      v.notNull("replicaSettingsUpdate.member.regionName", replica.regionName());
      v.range("replicaSettingsUpdate.member.replicaProvisionedReadCapacityUnits", replica.readCapacityUnits(), 1,
          Long.MAX_VALUE);
      v.oneOf("replicaSettingsUpdate.member.replicaTableClass", replica.tableClass(), TableClass.values());
    }
    v.throwIfAny();
  }

  @Override
  public GlobalTableSettings execute(UpdateGlobalTableSettingsInput in, RequestContext context) {
    TableMetadata table = GlobalTables.find(db, Validated.present(in.globalTableName()));
    List<String> regions = GlobalTables.regions(db, table);
    BillingMode mode = in.billingMode() == null ? null : in.billingMode().known();
    if (mode == BillingMode.PAY_PER_REQUEST && in.writeCapacityUnits() != null) {
      throw DynamoException.validation("One or more parameter values were invalid: Neither ReadCapacityUnits nor"
          + " WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
    }
    if (mode == BillingMode.PROVISIONED && table.billingMode() == BillingMode.PAY_PER_REQUEST
        && in.writeCapacityUnits() == null) {
      throw DynamoException.validation("One or more parameter values were invalid: ProvisionedThroughput must be"
          + " specified when BillingMode is PROVISIONED");
    }
    Map<String, ReplicaSettingsUpdate> updates = new LinkedHashMap<>();
    for (String region : regions) {
      updates.put(region, shared(in, mode, null));
    }
    for (ReplicaSettings replica : list(in.replicas())) {
      if (!regions.contains(replica.regionName())) {
        throw UpdateGlobalTable.replicaNotFound();
      }
      updates.put(replica.regionName(), shared(in, mode, replica));
    }
    ReplicaSettingsUpdate local = Validated.present(updates.remove(db.region()));
    Instant now = db.clock().instant();
    local.applyTo(table, now);
    updates.forEach((region, update) -> {
      if (!update.isEmpty()) {
        GlobalTables.link(db, region).updateSettings(table.name(), db.region(), update);
      }
    });
    TableMetadata updated = UpdateReplicaSettings.apply(db, table.name(), local, now);
    return DescribeGlobalTableSettings.describe(db, updated);
  }

  /** The settings of one region: those every replica shares, and the replica's own when it has an entry. */
  private static ReplicaSettingsUpdate shared(UpdateGlobalTableSettingsInput in, @Nullable BillingMode mode,
      @Nullable ReplicaSettings replica) {
    Map<String, ReplicaSettingsUpdate.IndexCapacity> indexes = new HashMap<>();
    for (IndexCapacity index : list(in.globalIndexes())) {
      indexes.put(Validated.present(index.indexName()), new ReplicaSettingsUpdate.IndexCapacity(null,
          index.capacityUnits()));
    }
    if (replica != null) {
      for (IndexCapacity index : list(replica.globalIndexes())) {
        String name = Validated.present(index.indexName());
        ReplicaSettingsUpdate.IndexCapacity write = indexes.get(name);
        indexes.put(name, new ReplicaSettingsUpdate.IndexCapacity(index.capacityUnits(),
            write == null ? null : write.writeCapacityUnits()));
      }
    }
    Choice<TableClass> tableClass = replica == null ? null : replica.tableClass();
    return new ReplicaSettingsUpdate(mode, in.writeCapacityUnits(), replica == null ? null
        : replica.readCapacityUnits(), tableClass == null ? null : tableClass.known(), indexes);
  }

  private static <T> List<T> list(@Nullable List<T> values) {
    return values == null ? List.of() : values;
  }
}
