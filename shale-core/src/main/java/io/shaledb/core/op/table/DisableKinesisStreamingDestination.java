package io.shaledb.core.op.table;

import io.shaledb.core.op.Database;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.KinesisDestination;
import io.shaledb.core.schema.KinesisDestination.Status;
import io.shaledb.core.validate.Validated;

/**
 * DisableKinesisStreamingDestination: answers DISABLING, as DynamoDB does; the destination reads DISABLED from then
 * on and stays listed.
 */
public final class DisableKinesisStreamingDestination extends KinesisDestinationOperation {
  public DisableKinesisStreamingDestination(Database db) {
    super(db, "enableKinesisStreamingConfiguration");
  }

  @Override
  public KinesisDestinationOutput execute(KinesisDestinationInput in, RequestContext context) {
    return change(in, Status.DISABLING, (table, current) -> {
      KinesisDestination streaming = requireStreaming(table, current, Validated.present(in.streamArn()));
      return streaming.with(Status.DISABLED, streaming.precision());
    });
  }
}
