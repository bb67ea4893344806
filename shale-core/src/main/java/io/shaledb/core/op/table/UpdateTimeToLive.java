package io.shaledb.core.op.table;

import io.shaledb.core.background.Service;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.schema.TimeToLive;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import java.time.Duration;
import java.time.Instant;

/** UpdateTimeToLive: turns expiry on (naming the attribute that holds epoch seconds) or off. */
public final class UpdateTimeToLive implements Operation<TimeToLiveInput, TimeToLiveOutput> {
  /**
   * How long after a change DynamoDB refuses the next one: half an hour as the service behaves (ScyllaDB's
   * test_ttl.py, and the ack-api-quirks lab's October 2026 runs), though the API reference speaks of up to an hour.
   */
  static final Duration CHANGE_INTERVAL = Duration.ofMinutes(30);
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

  /**
   * Takes effect at once (DescribeTimeToLive reports ENABLED or DISABLED; sweeping starts with the next pass). Any
   * further change within {@link #CHANGE_INTERVAL} of the last one is refused, as DynamoDB refuses it
   * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTimeToLive.html). The state checks come
   * first, as DynamoDB makes them: while TTL is on, naming another attribute is refused whether enabling or disabling
   * (ScyllaDB's test_ttl.py against the service, and the wording applications match on), then enabling it again, or
   * disabling it when off.
   */
  @Override
  public TimeToLiveOutput execute(TimeToLiveInput in, RequestContext context) {
    Instant now = db.clock().instant();
    boolean enabled = Validated.present(in.enabled());
    db.catalog().change(change -> {
      String tableName = Validated.present(in.tableName());
      TableMetadata table = change.table(tableName).orElseThrow(() -> Database.tableNotFound(tableName));
      TableRestores.refuseWhileCreating(table);
      ConcurrentTableOperations.admit(db.catalog().list(), tableName, ConcurrentTableOperations.LIMIT);
      MultiRegionUpdates.refuseTimeToLive(table, enabled);
      String current = table.timeToLiveAttribute();
      if (current != null && !current.equals(in.attributeName())) {
        throw DynamoException.validation("TimeToLive is active on a different AttributeName: current AttributeName"
            + " is " + current);
      }
      if (enabled && current != null) {
        throw DynamoException.validation("TimeToLive is already enabled");
      }
      if (!enabled && current == null) {
        throw DynamoException.validation("TimeToLive is already disabled");
      }
      if (table.timeToLive().lastChanged().filter(last -> last.plus(CHANGE_INTERVAL).isAfter(now)).isPresent()) {
        throw DynamoException.validation("Time to live has been modified multiple times within a fixed interval");
      }
      change.putTable(ReplicaSchemas.markReplicasUpdating(db, change, table, table.withTimeToLive(enabled
          ? TimeToLive.enabled(Validated.present(in.attributeName()), now) : TimeToLive.disabled(now))));
      return null;
    });
    db.background().wake(Service.REPLICATION);
    return new TimeToLiveOutput(enabled, in.attributeName());
  }
}
