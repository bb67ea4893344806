package io.shaledb.core.op.partiql;

import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.Database;
import io.shaledb.core.partiql.ast.Statement;
import io.shaledb.core.write.ItemConsensus;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Binds a parsed statement to its parameters and its table, as ExecuteStatement does before it reads or writes: a
 * SELECT becomes the point read or partition reads it makes, a write the item write it makes. Public so that binding
 * can be measured apart from reading and writing (shale-bench's PartiqlBenchmark).
 */
public final class StatementBinder {
  /** A statement bound to its parameters and table; what it holds stays this package's. */
  public sealed interface Bound permits Selects.Plan, Writes.Planned {}

  private final Selects selects;
  private final Writes writes;

  public StatementBinder(Database db) {
    // It binds and never reads, so it meets no consensus.
    this.selects = new Selects(db, ItemConsensus.NONE);
    this.writes = new Writes(db);
  }

  /**
   * Binds {@code statement}, as a first page's eventually consistent read or as a write outside a transaction.
   *
   * @param parameters the request's Parameters, null when it sent none
   * @throws io.shaledb.core.error.DynamoException the ValidationException ExecuteStatement answers for a statement
   *     that does not bind
   */
  public Bound bind(Statement statement, @Nullable List<AttributeValue> parameters) {
    Bindings bindings = Bindings.of(statement, parameters);
    return switch (statement) {
      case Statement.Select select -> selects.plan(select, bindings, false, true);
      case Statement.Insert insert -> writes.plan(insert, bindings, false);
      case Statement.Update update -> writes.plan(update, bindings, false);
      case Statement.Delete delete -> writes.plan(delete, bindings, false);
      case Statement.Exists exists -> writes.plan(exists, bindings, false);
    };
  }
}
