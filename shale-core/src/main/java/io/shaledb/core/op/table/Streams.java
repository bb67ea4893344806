package io.shaledb.core.op.table;

import io.shaledb.core.catalog.CatalogTransaction;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.table.CreateTableInput.StreamSpecification;
import io.shaledb.core.schema.StreamSettings;
import io.shaledb.core.schema.StreamViewType;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.stream.StreamDescriptor;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** StreamSpecification's rules, shared by CreateTable and UpdateTable. */
public final class Streams {
  private static final DateTimeFormatter LABEL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private Streams() {}

  static void checkDeclared(ConstraintViolations v, @Nullable StreamSpecification spec) {
    if (spec != null) {
      v.notNull("streamSpecification.streamEnabled", spec.streamEnabled())
          .oneOf("streamSpecification.streamViewType", spec.streamViewType(), StreamViewType.values());
    }
  }

  /**
   * True when the specification turns a stream on; checks that a view type comes with enabling and only then, in
   * the words DynamoDB uses for a new table and for an existing one (the ack-api-quirks lab's catalogue of the
   * service's messages, October 2026).
   */
  static boolean enabled(@Nullable StreamSpecification spec, boolean newTable) {
    if (spec == null || !Boolean.TRUE.equals(spec.streamEnabled())) {
      if (spec != null && spec.streamViewType() != null) {
        throw DynamoException.validation(newTable
            ? "One or more parameter values were invalid: Table is being created with a stream disabled,"
                + " UpdateViewType should not be specified"
            : "One or more parameter values were invalid: If stream is being disabled, then UpdateViewType must not"
                + " be specified");
      }
      return false;
    }
    if (spec.streamViewType() == null) {
      throw DynamoException.validation(newTable
          ? "One or more parameter values were invalid: Table is being created with a stream enabled,"
              + " UpdateViewType is required"
          : "One or more parameter values were invalid: If stream is being enabled then UpdateViewType is required");
    }
    return true;
  }

  /**
   * A new stream of {@code tableName}. Its label, which names it in its ARN, is its creation time to the millisecond;
   * a table created again (or a stream enabled again) within the same millisecond as a stream it had takes the next
   * free millisecond, since an ARN must never name two streams.
   */
  static StreamSettings settings(Database db, CatalogTransaction change, String tableName, StreamSpecification spec,
      int keyspace, Instant now) {
    Instant created = now;
    while (change.stream(arn(db.tableArn(tableName), LABEL.format(created))).isPresent()) {
      created = created.plusMillis(1);
    }
    return new StreamSettings(Validated.present(spec.streamViewType()).known(), keyspace, LABEL.format(created),
        created);
  }

  /** {@code table} with a new stream of {@code viewType}, whose descriptor {@code change} records. */
  static TableMetadata withNewStream(Database db, CatalogTransaction change, TableMetadata table,
      StreamViewType viewType, Instant now) {
    TableMetadata updated = table.withStream(settings(db, change, table.name(),
        new StreamSpecification(true, Choice.of(viewType)), change.allocateKeyspaces(1), now));
    change.putStream(descriptor(db, updated));
    return updated;
  }

  /** The catalog record of a table's enabled stream. */
  static StreamDescriptor descriptor(Database db, TableMetadata table) {
    StreamSettings stream = Objects.requireNonNull(table.stream(), "only a table with a stream has its descriptor");
    return StreamDescriptor.open(arn(db.tableArn(table.name()), stream.label()), table.name(), stream.viewType(),
        stream.keyspace(), stream.label(), stream.created(), table.keySchema().partitionKey().name(),
        table.keySchema().sortKey().map(k -> k.name()).orElse(null));
  }

  /**
   * Closes the table's enabled stream, if any, in the catalog change that disables it or deletes the table: it keeps
   * its records for readers but takes no more.
   */
  static void close(Database db, CatalogTransaction change, TableMetadata table) {
    if (table.stream() != null) {
      change.stream(arn(db.tableArn(table.name()), table.stream().label()))
          .ifPresent(s -> change.putStream(s.close(db.clock().instant())));
    }
  }

  /** The newest stream a table ever had, enabled or not, as DescribeTable's LatestStreamArn reports it. */
  static @Nullable StreamDescriptor latest(Database db, String tableName) {
    StreamDescriptor latest = null;
    for (StreamDescriptor stream : db.catalog().streams()) {
      if (stream.tableName().equals(tableName)
          && (latest == null || stream.created().isAfter(latest.created()))) {
        latest = stream;
      }
    }
    return latest;
  }

  /** A stream's ARN: the table's ARN and the stream's label. */
  public static String arn(String tableArn, String label) {
    return tableArn + "/stream/" + label;
  }
}
