package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.KinesisDestination;
import io.shaledb.core.schema.KinesisDestination.Precision;
import io.shaledb.core.schema.KinesisDestination.Status;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.validate.Validated;

/**
 * EnableKinesisStreamingDestination: records the destination and answers ENABLING, as DynamoDB does; the destination
 * then reads ENABLE_FAILED, because ShaleDB delivers nothing to Kinesis ({@link KinesisDestinationOperation}).
 */
public final class EnableKinesisStreamingDestination extends KinesisDestinationOperation {
  public EnableKinesisStreamingDestination(Database db) {
    super(db, "enableKinesisStreamingConfiguration");
  }

  @Override
  public KinesisDestinationOutput execute(KinesisDestinationInput in, RequestContext context) {
    Precision precision = Choice.valueOr(in.precision(), Precision.MILLISECOND);
    return change(in, Status.ENABLING, (table, current) -> {
      if (current != null && current.status() != Status.DISABLED) {
        throw DynamoException.resourceInUse("Table " + table.name() + " is already streaming to the Kinesis stream "
            + in.streamArn());
      }
      return new KinesisDestination(Validated.present(in.streamArn()), Status.ENABLE_FAILED, precision);
    });
  }
}
