package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.schema.KinesisDestination;
import io.shaledb.core.schema.KinesisDestination.Precision;
import io.shaledb.core.schema.KinesisDestination.Status;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * What Enable-, Disable- and UpdateKinesisStreamingDestination share: their request, its declared constraints, and
 * changing one destination of a table in one catalog change
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_EnableKinesisStreamingDestination.html).
 * ShaleDB records destinations but does not deliver change records to Kinesis, so an enabled destination is described
 * as ENABLE_FAILED with the reason, as DynamoDB describes a destination it could not stream to, never as ACTIVE.
 */
abstract sealed class KinesisDestinationOperation
    implements Operation<KinesisDestinationInput, KinesisDestinationOutput>
    permits EnableKinesisStreamingDestination, DisableKinesisStreamingDestination,
        UpdateKinesisStreamingDestination {
  final Database db;
  /** The request's configuration member, as its declared constraints name it. */
  private final String configuration;

  KinesisDestinationOperation(Database db, String configuration) {
    this.db = db;
    this.configuration = configuration;
  }

  @Override
  public final void validate(KinesisDestinationInput in) {
    TableNames.requirePresentAndLength(in.tableName());
    ConstraintViolations v = new ConstraintViolations();
    TableNames.pattern(v, "tableName", in.tableName());
    v.notNull("streamArn", in.streamArn()).length("streamArn", in.streamArn(), 37, 1024)
        .oneOf(configuration + ".approximateCreationDateTimePrecision", in.precision(), Precision.values());
    v.throwIfAny();
  }

  /**
   * Changes the destination of the request's stream in one catalog change: {@code change} receives the table and
   * that destination (null when the table has none) and returns the one to keep; the answer carries
   * {@code answered}, the status DynamoDB reports while such a change is under way.
   */
  final KinesisDestinationOutput change(KinesisDestinationInput in, Status answered,
      BiFunction<TableMetadata, KinesisDestination, KinesisDestination> change) {
    return db.catalog().change(catalog -> {
      TableMetadata table = catalog.table(Validated.present(in.tableName()))
          .orElseThrow(() -> Database.tableNotFound(Validated.present(in.tableName())));
      KinesisDestination current = find(table, Validated.present(in.streamArn()));
      KinesisDestination next = change.apply(table, current);
      List<KinesisDestination> destinations = new ArrayList<>(table.options().kinesisDestinations());
      if (current == null) {
        destinations.add(next);
      } else {
        destinations.set(destinations.indexOf(current), next);
      }
      catalog.putTable(table.withOptions(table.options().withKinesisDestinations(destinations)));
      return new KinesisDestinationOutput(table.name(), Validated.present(in.streamArn()), answered,
          in.precision() == null ? null : in.precision().value());
    });
  }

  /** Refuses a stream the table does not stream to, or no longer. */
  static KinesisDestination requireStreaming(TableMetadata table, @Nullable KinesisDestination current, String streamArn) {
    if (current == null || current.status() == Status.DISABLED) {
      throw DynamoException.validation("Table " + table.name() + " is not streaming to the Kinesis stream "
          + streamArn);
    }
    return current;
  }

  private static @Nullable KinesisDestination find(TableMetadata table, String streamArn) {
    for (KinesisDestination destination : table.options().kinesisDestinations()) {
      if (destination.streamArn().equals(streamArn)) {
        return destination;
      }
    }
    return null;
  }
}
