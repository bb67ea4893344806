package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.schema.KinesisDestination;
import io.shaledb.core.schema.KinesisDestination.Precision;
import io.shaledb.core.schema.KinesisDestination.Status;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.ConstraintViolations;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The Kinesis streaming destinations of tables
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_EnableKinesisStreamingDestination.html).
 * ShaleDB records them but does not deliver change records to Kinesis, so an enabled destination is described as
 * ENABLE_FAILED with the reason, as DynamoDB describes a destination it could not stream to, never as ACTIVE.
 */
final class KinesisDestinations {
  private KinesisDestinations() {}

  /** The declared constraints; {@code configuration} names the request's configuration member. */
  static void checkDeclared(ConstraintViolations v, KinesisDestinationInput in, String configuration) {
    TableNames.requirePresentAndLength(in.tableName());
    TableNames.pattern(v, "tableName", in.tableName());
    v.notNull("streamArn", in.streamArn()).length("streamArn", in.streamArn(), 37, 1024)
        .oneOf(configuration + ".approximateCreationDateTimePrecision", in.precision(), Precision.values());
  }

  /** The destination of that stream, or null. */
  static KinesisDestination find(TableMetadata table, String streamArn) {
    for (KinesisDestination destination : table.options().kinesisDestinations()) {
      if (destination.streamArn().equals(streamArn)) {
        return destination;
      }
    }
    return null;
  }

  /**
   * Changes one table's destinations in one catalog change: {@code change} receives the destination of the request's
   * stream (null when the table has none) and returns the one to keep.
   */
  static KinesisDestinationOutput change(Database db, KinesisDestinationInput in, Status answered,
      BiFunction<TableMetadata, KinesisDestination, KinesisDestination> change) {
    return db.catalog().change(catalog -> {
      TableMetadata table = catalog.table(in.tableName()).orElseThrow(() -> Database.tableNotFound(in.tableName()));
      KinesisDestination current = find(table, in.streamArn());
      KinesisDestination next = change.apply(table, current);
      List<KinesisDestination> destinations = new ArrayList<>(table.options().kinesisDestinations());
      if (current == null) {
        destinations.add(next);
      } else {
        destinations.set(destinations.indexOf(current), next);
      }
      catalog.putTable(table.withOptions(table.options().withKinesisDestinations(destinations)));
      return new KinesisDestinationOutput(table.name(), in.streamArn(), answered,
          in.precision() == null ? null : in.precision().value());
    });
  }

  static DynamoException notADestination(TableMetadata table, String streamArn) {
    return DynamoException.validation("Table " + table.name() + " is not streaming to the Kinesis stream "
        + streamArn);
  }
}
