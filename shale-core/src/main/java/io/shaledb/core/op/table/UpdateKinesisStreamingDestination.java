package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.KinesisDestination;
import io.shaledb.core.schema.KinesisDestination.Status;
import io.shaledb.core.validate.Validated;

/**
 * UpdateKinesisStreamingDestination: changes the precision of an ACTIVE destination. ShaleDB's destinations are
 * never ACTIVE, so it refuses, saying so; a destination the table does not have is refused as such.
 */
public final class UpdateKinesisStreamingDestination extends KinesisDestinationOperation {
  public UpdateKinesisStreamingDestination(Database db) {
    super(db, "updateKinesisStreamingConfiguration");
  }

  @Override
  public KinesisDestinationOutput execute(KinesisDestinationInput in, RequestContext context) {
    return change(in, Status.UPDATING, (table, current) -> {
      KinesisDestination streaming = requireStreaming(table, current, Validated.present(in.streamArn()));
      throw DynamoException.validation("The Kinesis streaming destination " + in.streamArn() + " of table "
          + table.name() + " is not ACTIVE: its status is " + streaming.status());
    });
  }
}
