package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.KinesisDestination;
import io.shaledb.core.schema.KinesisDestination.Precision;
import io.shaledb.core.schema.KinesisDestination.Status;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.validate.ConstraintViolations;

/**
 * EnableKinesisStreamingDestination: records the destination and answers ENABLING, as DynamoDB does; the destination
 * then reads ENABLE_FAILED, because ShaleDB delivers nothing to Kinesis ({@link KinesisDestinations}).
 */
public final class EnableKinesisStreamingDestination
    implements Operation<KinesisDestinationInput, KinesisDestinationOutput> {
  private final Database db;

  public EnableKinesisStreamingDestination(Database db) {
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
    Precision precision = Choice.valueOr(in.precision(), Precision.MILLISECOND);
    return KinesisDestinations.change(db, in, Status.ENABLING, (table, current) -> {
      if (current != null && current.status() != Status.DISABLED) {
        throw DynamoException.resourceInUse("Table " + table.name() + " is already streaming to the Kinesis stream "
            + in.streamArn());
      }
      return new KinesisDestination(in.streamArn(), Status.ENABLE_FAILED, precision);
    });
  }
}
