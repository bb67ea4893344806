package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.KinesisDestination.Status;
import io.shaledb.core.validate.ConstraintViolations;

/**
 * UpdateKinesisStreamingDestination: changes the precision of an ACTIVE destination. ShaleDB's destinations are
 * never ACTIVE, so it refuses, saying so; a destination the table does not have is refused as such.
 */
public final class UpdateKinesisStreamingDestination
    implements Operation<KinesisDestinationInput, KinesisDestinationOutput> {
  private final Database db;

  public UpdateKinesisStreamingDestination(Database db) {
    this.db = db;
  }

  @Override
  public void validate(KinesisDestinationInput in) {
    ConstraintViolations v = new ConstraintViolations();
    KinesisDestinations.checkDeclared(v, in, "updateKinesisStreamingConfiguration");
    v.throwIfAny();
  }

  @Override
  public KinesisDestinationOutput execute(KinesisDestinationInput in, RequestContext context) {
    return KinesisDestinations.change(db, in, Status.UPDATING, (table, current) -> {
      if (current == null || current.status() == Status.DISABLED) {
        throw KinesisDestinations.notADestination(table, in.streamArn());
      }
      throw DynamoException.validation("The Kinesis streaming destination " + in.streamArn() + " of table "
          + table.name() + " is not ACTIVE: its status is " + current.status());
    });
  }
}
