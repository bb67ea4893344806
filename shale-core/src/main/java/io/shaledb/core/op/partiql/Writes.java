package io.shaledb.core.op.partiql;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.expr.ast.Condition;
import io.shaledb.core.expr.ast.ConditionFunction;
import io.shaledb.core.expr.ast.Operand;
import io.shaledb.core.expr.ast.Path;
import io.shaledb.core.expr.ast.Update;
import io.shaledb.core.expr.eval.Projector;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.ItemSize;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.PageItem;
import io.shaledb.core.op.item.ItemKeys;
import io.shaledb.core.op.item.UpdateItem;
import io.shaledb.core.partiql.ast.Expr;
import io.shaledb.core.partiql.ast.Returning;
import io.shaledb.core.partiql.ast.Statement;
import io.shaledb.core.partiql.ast.UpdateAction;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.write.IndexEntries;
import io.shaledb.core.write.ItemChange;
import io.shaledb.core.write.ItemLimits;
import io.shaledb.core.write.ItemWrite;
import io.shaledb.core.write.WriteCondition;
import io.shaledb.core.write.WriteOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Plans INSERT, UPDATE and DELETE as the item writes PutItem, UpdateItem and DeleteItem make, so the write pipeline
 * stages them (indexes, item collections, streams, time to live) as it stages theirs. An INSERT is a put on the
 * condition that no item has its key; an UPDATE an update on the condition that the item exists (DynamoDB's PartiQL
 * UPDATE never creates an item) and that the rest of its WHERE holds; a DELETE a delete on the rest of its WHERE.
 */
final class Writes {
  static final String DUPLICATE = "Duplicate primary key exists in table";

  private final Database db;

  Writes(Database db) {
    this.db = db;
  }

  enum Kind {
    INSERT,
    UPDATE,
    DELETE,
    /** EXISTS(SELECT ...) in a transaction: a condition check that writes nothing. */
    CHECK
  }

  /**
   * A write statement as the item write it makes.
   *
   * @param updated the paths an UPDATE sets or removes, which its MODIFIED returning modes return
   */
  record Planned(Kind kind, ItemWrite write, Returning returning, List<Path> updated)
      implements StatementBinder.Bound {
    TableMetadata table() {
      return write.table();
    }

    /** The size of the item the statement itself carries: an INSERT's; none for the others, made from the stored. */
    long carriedBytes() {
      if (kind != Kind.INSERT) {
        return 0;
      }
      ItemChange put = Objects.requireNonNull(write.change(), "an INSERT puts an item");
      return ItemSize.of(Objects.requireNonNull(put.apply(null), "an INSERT puts an item"));
    }
  }

  /**
   * @param statement an INSERT, UPDATE, DELETE or EXISTS
   * @param returnOldOnFailure ReturnValuesOnConditionCheckFailure is ALL_OLD
   */
  Planned plan(Statement statement, Bindings bindings, boolean returnOldOnFailure) {
    return switch (statement) {
      case Statement.Insert insert -> insert(insert, bindings);
      case Statement.Update update -> update(update, bindings, returnOldOnFailure);
      case Statement.Delete delete -> delete(delete, bindings, returnOldOnFailure);
      case Statement.Exists exists -> check(exists.select(), bindings, returnOldOnFailure);
      case Statement.Select select -> throw new IllegalArgumentException("a SELECT is not a write");
    };
  }

  private Planned insert(Statement.Insert insert, Bindings bindings) {
    Map<String, AttributeValue> item = bindings.item(insert.item());
    TableMetadata table = db.tableForItems(insert.table());
    ItemLimits.checkSize(item);
    byte[] key = ItemKeys.ofItem(table, item);
    IndexEntries.check(table, item);
    Condition absent = new Condition.Function(ConditionFunction.ATTRIBUTE_NOT_EXISTS,
        List.of(new Operand.PathOperand(Path.of(table.keySchema().partitionKey().name()))));
    return new Planned(Kind.INSERT, ItemWrite.put(table, key, new WriteCondition(absent, false), item),
        Returning.NONE, List.of());
  }

  private Planned update(Statement.Update statement, Bindings bindings, boolean returnOldOnFailure) {
    TableMetadata table = db.tableForItems(statement.table());
    KeyTerms.FullKey key = fullKey(statement.where(), table, bindings);
    Predicates predicates = new Predicates(bindings);
    Update update = new Update(statement.actions().stream().map(action -> action(action, predicates)).toList());
    UpdateItem.checkKeyAttributes(table, update);
    List<Condition> terms = new ArrayList<>();
    terms.add(exists(table));
    key.rest().forEach(term -> terms.add(predicates.condition(term)));
    Map<String, AttributeValue> keyValues = key.key();
    ItemWrite write = new ItemWrite(table, ItemKeys.ofKey(table, keyValues),
        new WriteCondition(Predicates.all(terms), returnOldOnFailure),
        previous -> UpdateItem.apply(update, previous, keyValues));
    return new Planned(Kind.UPDATE, write, statement.returning(),
        update.actions().stream().map(Update.Action::path).toList());
  }

  private Planned delete(Statement.Delete statement, Bindings bindings, boolean returnOldOnFailure) {
    TableMetadata table = db.tableForItems(statement.table());
    KeyTerms.FullKey key = fullKey(statement.where(), table, bindings);
    Predicates predicates = new Predicates(bindings);
    Condition condition = Predicates.all(key.rest().stream().map(predicates::condition).toList());
    return new Planned(Kind.DELETE, ItemWrite.delete(table, ItemKeys.ofKey(table, key.key()),
        new WriteCondition(condition, returnOldOnFailure)), statement.returning(), List.of());
  }

  /** EXISTS(SELECT ...): the item its WHERE names must exist and meet the rest of the WHERE. */
  private Planned check(Statement.Select select, Bindings bindings, boolean returnOldOnFailure) {
    TableMetadata table = db.tableForItems(select.table());
    if (select.where().isEmpty()) {
      throw missingKey();
    }
    KeyTerms.FullKey key = fullKey(select.where().get(), table, bindings);
    Predicates predicates = new Predicates(bindings);
    List<Condition> terms = new ArrayList<>();
    terms.add(exists(table));
    key.rest().forEach(term -> terms.add(predicates.condition(term)));
    return new Planned(Kind.CHECK, ItemWrite.conditionCheck(table, ItemKeys.ofKey(table, key.key()),
        new WriteCondition(Predicates.all(terms), returnOldOnFailure)), Returning.NONE, List.of());
  }

  private static Condition exists(TableMetadata table) {
    return new Condition.Function(ConditionFunction.ATTRIBUTE_EXISTS,
        List.of(new Operand.PathOperand(Path.of(table.keySchema().partitionKey().name()))));
  }

  private static DynamoException missingKey() {
    return DynamoException.validation("Where clause does not contain a mandatory equality on all key attributes");
  }

  private static KeyTerms.FullKey fullKey(Expr where, TableMetadata table, Bindings bindings) {
    KeyTerms.FullKey key = KeyTerms.fullKey(Predicates.conjuncts(where), table.keySchema(), bindings);
    if (key == null) {
      throw missingKey();
    }
    return key;
  }

  /** One SET or REMOVE as the update action it is; {@code SET s = set_add(s, v)} is an ADD, set_delete a DELETE. */
  private static Update.Action action(UpdateAction action, Predicates predicates) {
    Path path = Predicates.path(action.path());
    return switch (action) {
      case UpdateAction.Remove remove -> new Update.Remove(path);
      case UpdateAction.Set set when set.value() instanceof Expr.Call call
          && call.function() == Expr.Function.SET_ADD ->
          new Update.Add(path, predicates.operand(Predicates.only(call, 2).get(1)));
      case UpdateAction.Set set when set.value() instanceof Expr.Call call
          && call.function() == Expr.Function.SET_DELETE ->
          new Update.Delete(path, predicates.operand(Predicates.only(call, 2).get(1)));
      case UpdateAction.Set set -> new Update.Set(path, predicates.operand(set.value()));
    };
  }

  /**
   * The items a write's RETURNING clause returns: none (null) without one; otherwise a list of the item asked for,
   * empty when there is none or it has no attribute left (DynamoDB answers an empty Items then).
   */
  static @Nullable List<PageItem> returned(Planned planned, WriteOutcome outcome) {
    Map<String, AttributeValue> item = switch (planned.returning()) {
      case NONE -> null;
      case ALL_OLD -> outcome.previous();
      case ALL_NEW -> outcome.current();
      case MODIFIED_OLD -> outcome.previous() == null ? null : Projector.project(outcome.previous(),
          planned.updated());
      case MODIFIED_NEW -> outcome.current() == null ? null : Projector.project(outcome.current(),
          planned.updated());
    };
    if (planned.returning() == Returning.NONE) {
      return null;
    }
    return item == null || item.isEmpty() ? List.of() : List.of(new PageItem.Decoded(item));
  }

  /** EXISTS(SELECT ...) is a condition check, which only a transaction has. */
  static void refuseOutsideTransactions(Statement statement) {
    if (statement instanceof Statement.Exists) {
      throw DynamoException.validation("EXISTS statements are supported only in ExecuteTransaction");
    }
  }

  /** A failed INSERT condition is DynamoDB's DuplicateItemException, not a failed condition. */
  static DynamoException reported(Planned planned, DynamoException error) {
    return planned.kind() == Kind.INSERT && error.code() == ErrorCode.CONDITIONAL_CHECK_FAILED
        ? new DynamoException(ErrorCode.DUPLICATE_ITEM, DUPLICATE) : error;
  }
}
