package io.shaledb.core.op.partiql;

import io.shaledb.core.api.ReturnValuesOnConditionCheckFailure;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.ConsumedCapacity;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.PageItem;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.item.CommonParameters;
import io.shaledb.core.op.item.ItemKeys;
import io.shaledb.core.partiql.ast.Statement;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import io.shaledb.core.write.WriteOutcome;
import io.shaledb.core.write.WritePipeline;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * BatchExecuteStatement: up to 25 statements, all reads (each a point read of one item) or all writes (each its own
 * write, as ExecuteStatement would make it). A statement that fails answers its error in its place and the others
 * still run; only a batch that mixes reads and writes, or names one item twice, is refused whole. The refusals and
 * their words are those dynoxide captured from the service.
 */
public final class BatchExecuteStatement implements Operation<BatchExecuteStatementInput, BatchExecuteStatementOutput> {
  private static final int MAX_STATEMENTS = 25;
  private static final String BOUND = "a statement prepared without error is parsed and bound";

  private final Selects selects;
  private final Writes writes;
  private final WritePipeline pipeline;
  private final StorageEngine storage;
  private final Function<String, Statement> parser;

  public BatchExecuteStatement(Database db, WritePipeline pipeline) {
    this(db, pipeline, db.statements()::parse);
  }

  /** @param parser the statement parser; tests of execution pass statements they built */
  BatchExecuteStatement(Database db, WritePipeline pipeline, Function<String, Statement> parser) {
    this.selects = new Selects(db, pipeline.consensus());
    this.writes = new Writes(db);
    this.pipeline = pipeline;
    this.storage = db.storage();
    this.parser = parser;
  }

  @Override
  public void validate(BatchExecuteStatementInput in) {
    ConstraintViolations v = new ConstraintViolations();
    v.notNull("statements", in.statements());
    if (in.statements() != null) {
      v.size("statements", in.statements(), String.valueOf(in.statements()), 1, Integer.MAX_VALUE);
      for (int i = 0; i < in.statements().size(); i++) {
        BatchStatementRequest statement = in.statements().get(i);
        String path = "statements." + (i + 1) + ".member";
        v.notNull(path, statement);
        if (statement != null) {
          Statements.checkDeclared(v, path + ".statement", statement.statement(), path + ".parameters",
              statement.parameters(), path + ".returnValuesOnConditionCheckFailure",
              statement.returnValuesOnConditionCheckFailure());
        }
      }
    }
    CommonParameters.returnConsumedCapacity(v, in.returnConsumedCapacity());
    v.throwIfAny();
  }

  /** One statement parsed and bound, or the error that stopped it. */
  private record Prepared(BatchStatementRequest request, @Nullable Statement statement, @Nullable Bindings bindings,
      @Nullable DynamoException error) {}

  @Override
  public BatchExecuteStatementOutput execute(BatchExecuteStatementInput in, RequestContext context) {
    if (Validated.present(in.statements()).size() > MAX_STATEMENTS) {
      throw DynamoException.validation("Too many statements in BatchExecuteStatement; limit is " + MAX_STATEMENTS);
    }
    List<Prepared> prepared = Validated.present(in.statements()).stream().map(this::prepare).toList();
    List<Statement> parsed = prepared.stream().filter(p -> p.error() == null).map(Prepared::statement).toList();
    long reads = parsed.stream().filter(s -> s instanceof Statement.Select).count();
    if (reads > 0 && reads < parsed.size()) {
      throw DynamoException.validation("Read and write requests together in the same batch is not supported.");
    }
    requireDistinctItems(prepared);
    List<BatchStatementResponse> responses = new ArrayList<>(prepared.size());
    Map<String, Double> refusedWrites = new HashMap<>();
    for (Prepared statement : prepared) {
      responses.add(statement.error() != null ? failed(statement.error(), null)
          : run(statement, context, refusedWrites));
    }
    return new BatchExecuteStatementOutput(responses,
        withRefusedWrites(context.capacity().report(in.returnConsumedCapacity()), refusedWrites));
  }

  /**
   * DynamoDB charges a write it attempted and refused on its condition: units for the larger of the stored item and
   * the item the statement carried. They count in the table's total but in no share of INDEXES, and only for a table
   * that a statement of the batch succeeded on; a batch of failures reports no capacity (dynoxide's captures of the
   * service: a failing 3 KB INSERT beside a small success reports 5 units against shares summing to 2).
   */
  private static List<ConsumedCapacity> withRefusedWrites(List<ConsumedCapacity> report,
      Map<String, Double> refusedWrites) {
    return report.stream().map(table -> new ConsumedCapacity(table.tableName(),
        table.capacityUnits() + refusedWrites.getOrDefault(table.tableName(), 0.0), table.shares())).toList();
  }

  private double attemptedUnits(Writes.Planned planned) {
    byte[] stored;
    try (Snapshot snapshot = storage.snapshot()) {
      stored = snapshot.get(planned.write().key());
    }
    return ConsumedCapacity.writeUnits(Math.max(Selects.storedSize(stored), planned.carriedBytes()));
  }

  private Prepared prepare(BatchStatementRequest request) {
    if (request.parametersError() != null) {
      return new Prepared(request, null, null, request.parametersError());
    }
    try {
      Statement statement = parser.apply(Validated.present(request.statement()));
      Writes.refuseOutsideTransactions(statement);
      return new Prepared(request, statement, Bindings.of(statement, request.parameters()), null);
    } catch (DynamoException e) {
      return new Prepared(request, null, null, e);
    }
  }

  /** Refuses a batch whose statements name one item twice, reads and writes alike. */
  private void requireDistinctItems(List<Prepared> prepared) {
    Set<ByteBuffer> seen = new HashSet<>();
    for (Prepared statement : prepared) {
      byte[] key = statement.error() == null ? itemKey(statement) : null;
      if (key != null && !seen.add(ByteBuffer.wrap(key))) {
        throw DynamoException.validation("Provided list of item keys contains duplicates");
      }
    }
  }

  /** The storage key of the item a statement names, or null when it names none that can be told yet. */
  private byte @Nullable [] itemKey(Prepared statement) {
    try {
      if (statement.statement() instanceof Statement.Select select) {
        Selects.Target target = selects.target(select, false);
        Selects.Point point = Selects.point(select, target, Objects.requireNonNull(statement.bindings(), BOUND));
        return point == null ? null : ItemKeys.ofKey(target.table(), point.key());
      }
      return writes.plan(Objects.requireNonNull(statement.statement(), BOUND),
          Objects.requireNonNull(statement.bindings(), BOUND), false).write().key();
    } catch (DynamoException e) {
      return null;
    }
  }

  /** @param refusedWrites the units of the writes refused on their condition so far, by table */
  private BatchStatementResponse run(Prepared statement, RequestContext context, Map<String, Double> refusedWrites) {
    String table = Objects.requireNonNull(statement.statement(), BOUND).table();
    try {
      if (statement.statement() instanceof Statement.Select select) {
        return read(select, statement, context);
      }
      Writes.Planned planned = writes.plan(statement.statement(), Objects.requireNonNull(statement.bindings(), BOUND),
          Choice.sent(statement.request().returnValuesOnConditionCheckFailure(),
              ReturnValuesOnConditionCheckFailure.ALL_OLD));
      WriteOutcome outcome;
      try {
        outcome = pipeline.write(context, planned.write());
      } catch (DynamoException e) {
        if (e.code() == ErrorCode.CONDITIONAL_CHECK_FAILED) {
          refusedWrites.merge(table, attemptedUnits(planned), Double::sum);
        }
        throw Writes.reported(planned, e);
      }
      List<PageItem> returned = Writes.returned(planned, outcome);
      return new BatchStatementResponse(null, table,
          returned == null || returned.isEmpty() ? null : returned.getFirst());
    } catch (DynamoException e) {
      return failed(e, table);
    }
  }

  private BatchStatementResponse read(Statement.Select select, Prepared statement, RequestContext context) {
    Selects.Target target = selects.target(select, Boolean.TRUE.equals(statement.request().consistentRead()));
    Selects.Point point = Selects.point(select, target, Objects.requireNonNull(statement.bindings(), BOUND));
    if (point == null) {
      throw DynamoException.validation(
          "Select statements within BatchExecuteStatement must specify the primary key in the where clause.");
    }
    PageItem item = selects.get(target.table(), point, Boolean.TRUE.equals(statement.request().consistentRead()),
        context);
    return new BatchStatementResponse(null, select.table(),
        item == null ? null : Selects.project(item, Selects.projection(select)));
  }

  /**
   * A statement's error in its place. DynamoDB names the table beside an error the statement met running (a failed
   * condition, a duplicate, a missing table), not beside one that refused it as invalid.
   */
  private static BatchStatementResponse failed(DynamoException e, @Nullable String table) {
    BatchStatementErrorCode code = code(e.code());
    @SuppressWarnings("unchecked") // the write pipeline puts the item there
    Map<String, AttributeValue> item = (Map<String, AttributeValue>) e.extra().get("Item");
    return new BatchStatementResponse(new BatchStatementError(code, e.getMessage(), item),
        code == BatchStatementErrorCode.ValidationError ? null : table, null);
  }

  private static BatchStatementErrorCode code(ErrorCode code) {
    return switch (code) {
      case CONDITIONAL_CHECK_FAILED -> BatchStatementErrorCode.ConditionalCheckFailed;
      case DUPLICATE_ITEM -> BatchStatementErrorCode.DuplicateItem;
      case RESOURCE_NOT_FOUND -> BatchStatementErrorCode.ResourceNotFound;
      case ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED -> BatchStatementErrorCode.ItemCollectionSizeLimitExceeded;
      case TRANSACTION_CONFLICT -> BatchStatementErrorCode.TransactionConflict;
      case THROTTLING -> BatchStatementErrorCode.ThrottlingError;
      case PROVISIONED_THROUGHPUT_EXCEEDED -> BatchStatementErrorCode.ProvisionedThroughputExceeded;
      case LIMIT_EXCEEDED -> BatchStatementErrorCode.RequestLimitExceeded;
      case VALIDATION, SERIALIZATION -> BatchStatementErrorCode.ValidationError;
      case ACCESS_DENIED -> BatchStatementErrorCode.AccessDenied;
      case UNKNOWN_OPERATION, MISSING_AUTHENTICATION_TOKEN, UNRECOGNIZED_CLIENT, INVALID_SIGNATURE,
          INCOMPLETE_SIGNATURE, REQUEST_TOO_LARGE, RESOURCE_IN_USE,
          TRANSACTION_CANCELED, REPLICATED_WRITE_CONFLICT, IDEMPOTENT_PARAMETER_MISMATCH, EXPIRED_ITERATOR,
          TRIMMED_DATA_ACCESS,
          TABLE_NOT_FOUND, CONTINUOUS_BACKUPS_UNAVAILABLE, BACKUP_NOT_FOUND, BACKUP_IN_USE, TABLE_ALREADY_EXISTS,
          TABLE_IN_USE, POINT_IN_TIME_RECOVERY_UNAVAILABLE, INVALID_RESTORE_TIME, GLOBAL_TABLE_NOT_FOUND,
          GLOBAL_TABLE_ALREADY_EXISTS, REPLICA_ALREADY_EXISTS, REPLICA_NOT_FOUND, INDEX_NOT_FOUND,
          POLICY_NOT_FOUND, OBJECT_NOT_FOUND, INVALID_NEXT_TOKEN, INTERNAL_SERVER_ERROR, INTERNAL_FAILURE, SERVICE_UNAVAILABLE,
          EXPIRED_TOKEN, NO_SUCH_ENTITY, ENTITY_ALREADY_EXISTS, IAM_LIMIT_EXCEEDED, DELETE_CONFLICT,
          MALFORMED_POLICY_DOCUMENT, INVALID_INPUT -> BatchStatementErrorCode.InternalServerError;
    };
  }
}
