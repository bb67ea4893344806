package io.shaledb.core.maintenance;

import io.shaledb.core.autoscaling.ScalableTarget;
import io.shaledb.core.autoscaling.ScalableTargets;
import io.shaledb.core.autoscaling.ScalingActivity;
import io.shaledb.core.autoscaling.TargetTracking;
import io.shaledb.core.background.BackgroundService;
import io.shaledb.core.capacity.Access;
import io.shaledb.core.capacity.Consumption;
import io.shaledb.core.capacity.ThroughputDecreases;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.table.CreateTableInput.Throughput;
import io.shaledb.core.op.table.UpdateTable;
import io.shaledb.core.op.table.UpdateTableInput;
import io.shaledb.core.op.table.UpdateTableInput.GlobalIndexUpdate;
import io.shaledb.core.op.table.UpdateTableInput.UpdateIndex;
import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.ProvisionedThroughput;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.Snapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The target-tracking scaler: each pass reads every registered target, has the tables with policies watched for
 * consumption, and changes a target's provisioned capacity when {@link TargetTracking} says so, through UpdateTable
 * as a client would (so every UpdateTable rule applies), then records the scaling activity. A decrease beyond
 * DynamoDB's daily limit is not attempted, as the service's auto scaling waits for the limit. The capacity change and
 * its activity are two catalog changes: a crash between them leaves the change without its activity, and the next
 * decision then counts minutes from the policy's creation rather than from the change.
 */
final class TargetTracker implements BackgroundService {
  private final Database db;
  private final UpdateTable updateTable;

  TargetTracker(Database db) {
    this.db = db;
    this.updateTable = new UpdateTable(db);
  }

  @Override
  public boolean runPass() {
    List<Watched> targets = new ArrayList<>();
    Set<String> watched = new HashSet<>();
    try (Snapshot snapshot = db.storage().snapshot()) {
      for (TableMetadata table : db.catalog().list()) {
        for (ScalableTargets.Located located : ScalableTargets.of(snapshot, table)) {
          targets.add(new Watched(table, located));
          if (!located.target().policies().isEmpty()) {
            watched.add(table.name());
          }
        }
      }
    }
    Consumption consumption = db.throughput().consumption();
    consumption.watch(watched);
    Instant now = db.clock().instant();
    for (Watched target : targets) {
      scale(target, consumption, now);
    }
    return false;
  }

  private void scale(Watched watched, Consumption consumption, Instant now) {
    TableMetadata table = watched.table();
    ScalableTarget target = watched.located().target();
    ProvisionedThroughput provisioned = provisioned(table, target);
    if (table.billingMode() != BillingMode.PROVISIONED || provisioned == null) {
      return;
    }
    Access access = target.dimension().access();
    long current = switch (access) {
      case READ -> provisioned.readCapacityUnits();
      case WRITE -> provisioned.writeCapacityUnits();
    };
    Optional<TargetTracking.Decision> decision = TargetTracking.decide(target, current, now,
        minute -> consumption.units(table.name(), target.resource().index(), access, minute));
    if (decision.isEmpty() || (decision.get().direction() == ScalingActivity.Direction.IN
        && !ThroughputDecreases.allows(provisioned, now))) {
      return;
    }
    TargetTracking.Decision change = decision.get();
    String unit = access == Access.READ ? "read" : "write";
    String description = "Setting " + unit + " capacity units to " + change.capacity() + ".";
    ScalingActivity activity;
    try {
      updateTable.execute(update(table, target, provisioned, change.capacity()), RequestContext.service(db.clock()));
      activity = new ScalingActivity(UUID.randomUUID().toString(), description, change.cause(), now, now,
          "Successful", "Successfully set " + unit + " capacity units to " + change.capacity()
              + ". Change successfully fulfilled by dynamodb.", change.direction());
    } catch (DynamoException refused) {
      activity = new ScalingActivity(UUID.randomUUID().toString(), description, change.cause(), now, now, "Failed",
          "Failed to set " + unit + " capacity units to " + change.capacity() + ". Reason: "
              + refused.getMessage(), change.direction());
    }
    record(watched, activity);
  }

  /** Adds the activity to the target, unless it was deregistered (or registered anew) meanwhile. */
  private void record(Watched watched, ScalingActivity activity) {
    ScalableTarget target = watched.located().target();
    int keyspace = watched.located().keyspace();
    db.catalog().change(change -> {
      ScalableTargets.find(change.storage(), keyspace, target.dimension())
          .filter(current -> current.id().equals(target.id()))
          .ifPresent(current -> ScalableTargets.put(change.storage(), keyspace, current.withActivity(activity)));
      return activity;
    });
  }

  private static @Nullable ProvisionedThroughput provisioned(TableMetadata table, ScalableTarget target) {
    String index = target.resource().index();
    if (index == null) {
      return table.provisionedThroughput();
    }
    return table.indexes().stream().filter(i -> i.name().equals(index)).findFirst()
        .map(IndexMetadata::provisionedThroughput).orElse(null);
  }

  /** The UpdateTable request that sets the target's capacity to {@code capacity}, keeping the other one. */
  private static UpdateTableInput update(TableMetadata table, ScalableTarget target, ProvisionedThroughput current,
      long capacity) {
    boolean read = target.dimension().access() == Access.READ;
    Throughput throughput = new Throughput(read ? capacity : current.readCapacityUnits(),
        read ? current.writeCapacityUnits() : capacity);
    String index = target.resource().index();
    if (index == null) {
      return new UpdateTableInput(table.name(), null, throughput, null, null, null, null, List.of(), null, null,
          null, false);
    }
    return new UpdateTableInput(table.name(), null, null, null, null,
        List.of(new GlobalIndexUpdate(null, null, new UpdateIndex(index, throughput))), null, List.of(), null, null,
        null, false);
  }

  /** A target and the table it belongs to, as the pass read them. */
  private record Watched(TableMetadata table, ScalableTargets.Located located) {}
}
