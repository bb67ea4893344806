package io.shaledb.core.op.partiql;

import io.shaledb.core.api.ReturnValuesOnConditionCheckFailure;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.NonBlockingOperation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.item.CommonParameters;
import io.shaledb.core.partiql.ast.Statement;
import io.shaledb.core.storage.WouldBlockException;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import io.shaledb.core.write.WriteOutcome;
import io.shaledb.core.write.WritePipeline;
import java.util.function.Function;

/**
 * ExecuteStatement: one PartiQL statement. A SELECT reads one page (Limit items read, or 1 MB) and answers a NextToken
 * to continue; a write changes one item through the write pipeline.
 */
public final class ExecuteStatement implements NonBlockingOperation<ExecuteStatementInput, ExecuteStatementOutput> {
  /** The API reference's bound on NextToken's length. */
  private static final int MAX_NEXT_TOKEN_LENGTH = 32768;

  private final Selects selects;
  private final Writes writes;
  private final WritePipeline pipeline;
  private final Function<String, Statement> parser;

  public ExecuteStatement(Database db, WritePipeline pipeline) {
    this(db, pipeline, db.statements()::parse);
  }

  /** @param parser the statement parser; tests of execution pass statements they built */
  ExecuteStatement(Database db, WritePipeline pipeline, Function<String, Statement> parser) {
    this.selects = new Selects(db, pipeline.consensus());
    this.writes = new Writes(db);
    this.pipeline = pipeline;
    this.parser = parser;
  }

  @Override
  public void validate(ExecuteStatementInput in) {
    ConstraintViolations v = new ConstraintViolations();
    Statements.checkDeclared(v, "statement", in.statement(), "parameters", in.parameters(),
        "returnValuesOnConditionCheckFailure", in.returnValuesOnConditionCheckFailure());
    v.length("nextToken", in.nextToken(), 1, MAX_NEXT_TOKEN_LENGTH);
    CommonParameters.returnConsumedCapacity(v, in.returnConsumedCapacity());
    v.range("limit", in.limit(), 1, Integer.MAX_VALUE);
    v.throwIfAny();
  }

  /**
   * A first-page SELECT of one item by its whole key is a GetItem, and like GetItem it is answered from what the
   * engine holds in memory without waiting for a worker; every other statement waits.
   */
  @Override
  public ExecuteStatementOutput executeWithoutBlocking(ExecuteStatementInput in, RequestContext context) {
    Statement statement = parser.apply(Validated.present(in.statement()));
    if (!(statement instanceof Statement.Select select) || in.nextToken() != null) {
      throw new WouldBlockException(WouldBlockException.Reason.ALWAYS);
    }
    Selects.Page page = selects.pointPageWithoutBlocking(select, Bindings.of(statement, in.parameters()),
        Boolean.TRUE.equals(in.consistentRead()), context);
    if (page == null) {
      throw new WouldBlockException(WouldBlockException.Reason.ALWAYS); // not a point read
    }
    return selected(in, select, page, context);
  }

  @Override
  public ExecuteStatementOutput execute(ExecuteStatementInput in, RequestContext context) {
    Statement statement = parser.apply(Validated.present(in.statement()));
    Bindings bindings = Bindings.of(statement, in.parameters());
    if (in.nextToken() != null && !(statement instanceof Statement.Select)) {
      throw DynamoException.validation("NextToken is only valid on a SELECT statement");
    }
    Writes.refuseOutsideTransactions(statement);
    if (statement instanceof Statement.Select select) {
      return selected(in, select, selects.page(select, bindings, in.limit() == null ? null : in.limit().intValue(),
          Boolean.TRUE.equals(in.consistentRead()), in.nextToken(), context), context);
    }
    Writes.Planned planned = writes.plan(statement, bindings,
        Choice.sent(in.returnValuesOnConditionCheckFailure(), ReturnValuesOnConditionCheckFailure.ALL_OLD));
    WriteOutcome outcome;
    try {
      outcome = pipeline.write(context, planned.write());
    } catch (DynamoException e) {
      throw Writes.reported(planned, e);
    }
    return new ExecuteStatementOutput(Writes.returned(planned, outcome), null,
        context.capacity().reportFor(in.returnConsumedCapacity(), planned.table().name()), null);
  }

  private static ExecuteStatementOutput selected(ExecuteStatementInput in, Statement.Select select, Selects.Page page,
      RequestContext context) {
    return new ExecuteStatementOutput(page.items(), page.nextToken(),
        context.capacity().reportFor(in.returnConsumedCapacity(), select.table()), page.lastEvaluatedKey());
  }
}
