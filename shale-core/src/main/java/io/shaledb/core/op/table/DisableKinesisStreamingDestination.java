package io.shaledb.core.op.table;

import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.KinesisDestination.Status;
import io.shaledb.core.validate.ConstraintViolations;

/**
 * DisableKinesisStreamingDestination: answers DISABLING, as DynamoDB does; the destination reads DISABLED from then
 * on and stays listed.
 */
public final class DisableKinesisStreamingDestination
    implements Operation<KinesisDestinationInput, KinesisDestinationOutput> {
  private final Database db;

  public DisableKinesisStreamingDestination(Database db) {
    this.db = db;
  }

  @Override
  public void validate(KinesisDestinationInput in) {
    ConstraintViolations v = new ConstraintViolations();
    KinesisDestinations.checkDeclared(v, in, "enableKinesisStreamingConfiguration");
    v.throwIfAny();
  }

  @Override
  public KinesisDestinationOutput execute(KinesisDestinationInput in, RequestContext context) {
    return KinesisDestinations.change(db, in, Status.DISABLING, (table, current) -> {
      if (current == null || current.status() == Status.DISABLED) {
        throw KinesisDestinations.notADestination(table, in.streamArn());
      }
      return current.with(Status.DISABLED, current.precision());
    });
  }
}
