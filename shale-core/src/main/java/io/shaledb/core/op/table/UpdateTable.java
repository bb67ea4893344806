package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.table.CreateTableInput.Throughput;
import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.ProvisionedThroughput;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.schema.TableStatus;
import io.shaledb.core.validate.ConstraintViolations;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** UpdateTable: billing mode, provisioned throughput and deletion protection. Changes apply at once. */
public final class UpdateTable implements Operation<UpdateTableInput, TableDescription> {
  private final Database db;

  public UpdateTable(Database db) {
    this.db = db;
  }

  @Override
  public void validate(UpdateTableInput in) {
    TableNames.requirePresentAndLength(in.tableName());
    ConstraintViolations v = new ConstraintViolations();
    TableNames.pattern(v, "tableName", in.tableName());
    v.oneOf("billingMode", in.billingMode(), List.of("PROVISIONED", "PAY_PER_REQUEST"));
    Throughputs.checkDeclared(v, "provisionedThroughput", in.provisionedThroughput());
    v.throwIfAny();
  }

  @Override
  public TableDescription execute(UpdateTableInput in) {
    if (!in.unsupportedFeatures().isEmpty()) {
      throw DynamoException.validation(
          "ShaleDB does not support " + String.join(", ", in.unsupportedFeatures()) + " yet");
    }
    TableMetadata table = db.tableForControl(in.tableName());
    if (in.billingMode() == null && in.provisionedThroughput() == null && in.deletionProtectionEnabled() == null) {
      throw DynamoException.validation(
          "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or"
              + " SSESpecification or ReplicaUpdates is required");
    }
    TableMetadata updated = table;
    if (in.billingMode() != null || in.provisionedThroughput() != null) {
      updated = withCapacity(updated, in);
    }
    if (in.deletionProtectionEnabled() != null) {
      updated = updated.withDeletionProtection(in.deletionProtectionEnabled());
    }
    db.catalog().update(updated);
    return Describer.describe(db, updated, TableStatus.UPDATING);
  }

  private TableMetadata withCapacity(TableMetadata table, UpdateTableInput in) {
    BillingMode mode = in.billingMode() == null ? table.billingMode() : BillingMode.valueOf(in.billingMode());
    Instant now = db.clock().instant();
    if (mode == BillingMode.PAY_PER_REQUEST) {
      if (in.provisionedThroughput() != null) {
        throw DynamoException.validation(
            "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be"
                + " specified when BillingMode is PAY_PER_REQUEST");
      }
      Optional<Instant> since = table.billingMode() == BillingMode.PAY_PER_REQUEST
          ? table.lastUpdateToPayPerRequest() : Optional.of(now);
      return table.withCapacity(mode, ProvisionedThroughput.ON_DEMAND, since);
    }
    Throughput requested = in.provisionedThroughput();
    if (requested == null) {
      if (table.billingMode() == BillingMode.PAY_PER_REQUEST) {
        throw DynamoException.validation(
            "One or more parameter values were invalid: ProvisionedThroughput must be specified when BillingMode is"
                + " PROVISIONED");
      }
      return table;
    }
    Throughputs.checkBounds(requested);
    ProvisionedThroughput current = table.provisionedThroughput();
    if (table.billingMode() == BillingMode.PROVISIONED
        && requested.readCapacityUnits() == current.readCapacityUnits()
        && requested.writeCapacityUnits() == current.writeCapacityUnits()) {
      throw DynamoException.validation(
          "The provisioned throughput for the table will not change. The requested value equals the current value."
              + " Current ReadCapacityUnits provisioned for the table: " + current.readCapacityUnits()
              + ". Requested ReadCapacityUnits: " + requested.readCapacityUnits()
              + ". Current WriteCapacityUnits provisioned for the table: " + current.writeCapacityUnits()
              + ". Requested WriteCapacityUnits: " + requested.writeCapacityUnits()
              + ". Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher"
              + " limits.");
    }
    boolean increase = requested.readCapacityUnits() > current.readCapacityUnits()
        || requested.writeCapacityUnits() > current.writeCapacityUnits();
    boolean decrease = requested.readCapacityUnits() < current.readCapacityUnits()
        || requested.writeCapacityUnits() < current.writeCapacityUnits();
    ProvisionedThroughput next = new ProvisionedThroughput(
        requested.readCapacityUnits(),
        requested.writeCapacityUnits(),
        increase ? Optional.of(now) : current.lastIncreaseDateTime(),
        decrease ? Optional.of(now) : current.lastDecreaseDateTime(),
        current.numberOfDecreasesToday() + (decrease && table.billingMode() == BillingMode.PROVISIONED ? 1 : 0));
    return table.withCapacity(mode, next, table.lastUpdateToPayPerRequest());
  }
}
