package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.ConstraintViolations;

/** UpdateTimeToLive: turns expiry on (naming the attribute that holds epoch seconds) or off. */
public final class UpdateTimeToLive implements Operation<TimeToLiveInput, TimeToLiveOutput> {
  private final Database db;

  public UpdateTimeToLive(Database db) {
    this.db = db;
  }

  @Override
  public void validate(TimeToLiveInput in) {
    TableNames.requirePresentAndLength(in.tableName());
    ConstraintViolations v = new ConstraintViolations();
    TableNames.pattern(v, "tableName", in.tableName());
    if (!in.specificationPresent()) {
      v.notNull("timeToLiveSpecification", null);
    } else {
      v.notNull("timeToLiveSpecification.attributeName", in.attributeName())
          .length("timeToLiveSpecification.attributeName", in.attributeName(), 1, 255)
          .notNull("timeToLiveSpecification.enabled", in.enabled());
    }
    v.throwIfAny();
  }

  @Override
  public TimeToLiveOutput execute(TimeToLiveInput in) {
    synchronized (db.catalog()) {
      TableMetadata table = db.tableForControl(in.tableName());
      if (db.timeToLiveChanges().containsKey(table.name())) {
        throw DynamoException.validation("Time to live has been modified multiple times within a fixed interval");
      }
      String current = table.timeToLiveAttribute();
      if (in.enabled()) {
        if (current != null) {
          throw DynamoException.validation("TimeToLive is already enabled");
        }
        db.catalog().update(table.withTimeToLive(in.attributeName()));
      } else {
        if (current == null) {
          throw DynamoException.validation("TimeToLive is already disabled");
        }
        if (!current.equals(in.attributeName())) {
          throw DynamoException.validation("TimeToLive is active on a different AttributeName: current AttributeName"
              + " is " + current);
        }
        db.catalog().update(table.withTimeToLive(null));
      }
      db.timeToLiveChanges().put(table.name(), in.attributeName());
    }
    return new TimeToLiveOutput(in.enabled(), in.attributeName(), false);
  }
}
