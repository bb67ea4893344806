package io.shaledb.core.op.partiql;

import io.shaledb.core.api.ReturnValuesOnConditionCheckFailure;
import io.shaledb.core.capacity.Access;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.op.ConsumedCapacity;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.PageItem;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.item.CommonParameters;
import io.shaledb.core.op.item.ItemKeys;
import io.shaledb.core.op.tx.IdempotencyTokens;
import io.shaledb.core.op.tx.TransactionChecks;
import io.shaledb.core.partiql.ast.Returning;
import io.shaledb.core.partiql.ast.Statement;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import io.shaledb.core.write.CancellationReason;
import io.shaledb.core.write.ItemWrite;
import io.shaledb.core.write.TransactionAdmission;
import io.shaledb.core.write.WriteGuard;
import io.shaledb.core.write.WritePipeline;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * ExecuteTransaction: up to 100 statements, all reads or all writes, on the transaction path of TransactGetItems and
 * TransactWriteItems: reads from one snapshot, writes through the write pipeline's transactional flavour (all or
 * none, charged twice, TransactionCanceledException with a reason per statement, ClientRequestToken idempotency). An
 * INSERT whose item exists is cancelled with DuplicateItem in its place.
 */
public final class ExecuteTransaction implements Operation<ExecuteTransactionInput, ExecuteTransactionOutput> {
  private static final int MAX_STATEMENTS = 100;

  private final Database db;
  private final Selects selects;
  private final Writes writes;
  private final WritePipeline pipeline;
  private final Function<String, Statement> parser;
  private final IdempotencyTokens tokens;

  public ExecuteTransaction(Database db, WritePipeline pipeline) {
    this(db, pipeline, db.statements()::parse);
  }

  /** @param parser the statement parser; tests of execution pass statements they built */
  ExecuteTransaction(Database db, WritePipeline pipeline, Function<String, Statement> parser) {
    this.db = db;
    this.selects = new Selects(db, pipeline.consensus());
    this.writes = new Writes(db);
    this.pipeline = pipeline;
    this.tokens = new IdempotencyTokens(db.clock());
    this.parser = parser;
  }

  @Override
  public void validate(ExecuteTransactionInput in) {
    ConstraintViolations v = new ConstraintViolations();
    v.notNull("transactStatements", in.transactStatements());
    if (in.transactStatements() != null) {
      // DynamoDB leaves the value out of this one (dynoxide's capture from the service).
      if (in.transactStatements().isEmpty()) {
        v.addWithoutValue("transactStatements", "Member must have length greater than or equal to 1");
      }
      v.size("transactStatements", in.transactStatements(), String.valueOf(in.transactStatements()), 0,
          MAX_STATEMENTS);
      for (int i = 0; i < in.transactStatements().size(); i++) {
        ParameterizedStatement statement = in.transactStatements().get(i);
        String path = "transactStatements." + (i + 1) + ".member";
        v.notNull(path, statement);
        if (statement != null) {
          Statements.checkDeclared(v, path + ".statement", statement.statement(), path + ".parameters",
              statement.parameters(), path + ".returnValuesOnConditionCheckFailure",
              statement.returnValuesOnConditionCheckFailure());
        }
      }
    }
    v.length("clientRequestToken", in.clientRequestToken(), 1, 36);
    CommonParameters.returnConsumedCapacity(v, in.returnConsumedCapacity());
    v.throwIfAny();
  }

  /** One statement, parsed and bound. */
  private record Bound(Statement statement, Bindings bindings, ParameterizedStatement request) {}

  @Override
  public ExecuteTransactionOutput execute(ExecuteTransactionInput in, RequestContext context) {
    List<Bound> bound = new ArrayList<>(Validated.present(in.transactStatements()).size());
    for (int i = 0; i < Validated.present(in.transactStatements()).size(); i++) {
      ParameterizedStatement request = Validated.present(in.transactStatements()).get(i);
      Statement statement = parser.apply(Validated.present(request.statement()));
      checkAllowed(statement, i);
      bound.add(new Bound(statement, Bindings.of(statement, request.parameters()), request));
    }
    long reads = bound.stream().filter(b -> b.statement() instanceof Statement.Select).count();
    if (reads > 0 && reads < bound.size()) {
      throw DynamoException.validation(
          "ExecuteTransaction API does not support both read and write operations in the same request.");
    }
    if (reads > 0) {
      return read(bound, in, context);
    }
    return write(bound, in, context);
  }

  /** The refusals DynamoDB makes of a statement inside a transaction (dynoxide's captures from the service). */
  private static void checkAllowed(Statement statement, int index) {
    Returning returning = switch (statement) {
      case Statement.Update update -> update.returning();
      case Statement.Delete delete -> delete.returning();
      case Statement.Insert insert -> Returning.NONE;
      case Statement.Exists exists -> Returning.NONE;
      case Statement.Select select -> {
        if (select.index().isPresent()) {
          throw DynamoException.validation("Validation failed in TransactStatements[" + index
              + "]: Reads on indices are not supported within transactions.");
        }
        yield Returning.NONE;
      }
    };
    if (returning != Returning.NONE) {
      throw DynamoException.validation("Validation failed in TransactStatements[" + index
          + "]: RETURNING clause is not supported in ExecuteTransaction.");
    }
  }

  /**
   * Whether a SELECT of the transaction has a WHERE that does not name one item; one whose table or index cannot be
   * read is left to fail in its place.
   */
  private boolean namesNoItem(Bound b) {
    Statement.Select select = (Statement.Select) b.statement();
    try {
      return Selects.point(select, selects.target(select, false), b.bindings()) == null;
    } catch (DynamoException e) {
      return false;
    }
  }

  /** A point read the transaction makes, with its filter and projection. */
  private record Read(Selects.Target target, byte[] key, Selects.Point point, Statement.Select select) {}

  private ExecuteTransactionOutput read(List<Bound> bound, ExecuteTransactionInput in, RequestContext context) {
    for (int i = 0; i < bound.size(); i++) {
      if (namesNoItem(bound.get(i))) {
        // The request's own error, not a cancellation reason (the conformance suite's capture of the service).
        throw DynamoException.validation("Validation failed in TransactStatements[" + i
            + "]: Select statements within ExecuteTransaction must specify the primary key in the where clause.");
      }
    }
    List<Read> planned = TransactionChecks.eachOrCancel(bound, b -> {
      Statement.Select select = (Statement.Select) b.statement();
      Selects.Target target = selects.target(select, false);
      Selects.Point point = Objects.requireNonNull(Selects.point(select, target, b.bindings()),
          "a SELECT of a transaction names its item");
      return new Read(target, ItemKeys.ofKey(target.table(), point.key()), point, select);
    });
    TransactionChecks.refuseStronglyConsistent(planned.stream().map(read -> read.target().table()).toList());
    TransactionChecks.requireDistinctItems(planned.stream().map(Read::key).toList());
    TransactionAdmission.admitOrCancel(context, planned.stream().map(read -> read.target().table()).toList(),
        planned.stream().map(Read::key).toList(), Collections.nCopies(planned.size(), Access.READ));
    List<PageItem> items = new ArrayList<>(planned.size());
    try (Snapshot snapshot = db.storage().consistentSnapshot()) {
      for (Read read : planned) {
        byte[] stored = snapshot.get(read.key());
        context.capacity().item(read.target().table().name(), read.key(), Access.READ,
            2 * ConsumedCapacity.readUnits(Selects.storedSize(stored), true));
        PageItem item = Selects.matching(stored, read.point().filter());
        items.add(item == null ? null : Selects.project(item, Selects.projection(read.select())));
      }
    }
    return new ExecuteTransactionOutput(items, context.capacity().report(in.returnConsumedCapacity()));
  }

  private ExecuteTransactionOutput write(List<Bound> bound, ExecuteTransactionInput in, RequestContext context) {
    List<Writes.Planned> planned = TransactionChecks.eachOrCancel(bound, b -> writes.plan(b.statement(),
        b.bindings(), Choice.sent(b.request().returnValuesOnConditionCheckFailure(),
            ReturnValuesOnConditionCheckFailure.ALL_OLD)));
    List<ItemWrite> plan = planned.stream().map(Writes.Planned::write).toList();
    TransactionChecks.refuseStronglyConsistent(plan.stream().map(ItemWrite::table).toList());
    TransactionChecks.requireDistinctItems(plan.stream().map(ItemWrite::key).toList());
    WriteGuard guard = in.clientRequestToken() == null ? null : tokens.guard(in.clientRequestToken(),
        IdempotencyTokens.fingerprint(in.transactStatements(), in.returnConsumedCapacity()));
    try {
      pipeline.transact(context, plan, guard);
    } catch (DynamoException e) {
      throw e.code() == ErrorCode.TRANSACTION_CANCELED ? withDuplicates(e, planned) : e;
    }
    return new ExecuteTransactionOutput(List.of(), context.capacity().report(in.returnConsumedCapacity()));
  }

  /** The cancellation with DuplicateItem in the place of each INSERT whose condition (no such item) failed. */
  private static DynamoException withDuplicates(DynamoException cancelled, List<Writes.Planned> planned) {
    @SuppressWarnings("unchecked") // CancellationReason.cancel puts the reasons there
    List<CancellationReason> reasons = (List<CancellationReason>) Objects.requireNonNull(
        cancelled.extra().get("CancellationReasons"), "a cancellation lists its reasons");
    List<CancellationReason> reported = new ArrayList<>(reasons.size());
    for (int i = 0; i < reasons.size(); i++) {
      boolean duplicate = planned.get(i).kind() == Writes.Kind.INSERT
          && reasons.get(i).code().equals("ConditionalCheckFailed");
      reported.add(duplicate ? new CancellationReason("DuplicateItem", Writes.DUPLICATE, null) : reasons.get(i));
    }
    return CancellationReason.cancel(reported);
  }
}
