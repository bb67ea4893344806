package io.shaledb.core.op.tx;

import io.shaledb.core.api.ReturnValuesOnConditionCheckFailure;
import io.shaledb.core.expr.ast.Condition;
import io.shaledb.core.expr.ast.ExpressionKind;
import io.shaledb.core.expr.ast.Update;
import io.shaledb.core.expr.bind.Binder;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.item.CommonParameters;
import io.shaledb.core.op.item.ItemCollectionMetrics;
import io.shaledb.core.op.item.ItemKeys;
import io.shaledb.core.op.item.RequestExpressions;
import io.shaledb.core.op.item.RequestExpressions.Parameter;
import io.shaledb.core.op.item.UpdateItem;
import io.shaledb.core.op.table.TableNames;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import io.shaledb.core.write.IndexEntries;
import io.shaledb.core.write.ItemLimits;
import io.shaledb.core.write.ItemWrite;
import io.shaledb.core.write.WriteCondition;
import io.shaledb.core.write.WriteGuard;
import io.shaledb.core.write.WriteOutcome;
import io.shaledb.core.write.WritePipeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * TransactWriteItems: up to 100 puts, updates, deletes and condition checks over several tables, applied all or
 * none. Every action's item is read, every condition evaluated and every new item computed inside one storage
 * transaction, which commits atomically (and durably, on a durable engine) or loses a conflict and starts over;
 * so transactions are serializable with each other and with single-item writes, and readers, which read from
 * snapshots, never see half of one. See docs/architecture.md.
 */
public final class TransactWriteItems implements Operation<TransactWriteItemsInput, TransactOutput> {
  static final int MAX_ACTIONS = 100;

  private final Database db;
  private final WritePipeline writes;
  private final IdempotencyTokens tokens;

  public TransactWriteItems(Database db, WritePipeline writes) {
    this.db = db;
    this.writes = writes;
    this.tokens = new IdempotencyTokens(db.clock());
  }

  @Override
  public void validate(TransactWriteItemsInput in) {
    ConstraintViolations v = new ConstraintViolations();
    v.notNull("transactItems", in.transactItems());
    if (in.transactItems() != null) {
      v.size("transactItems", in.transactItems(), String.valueOf(in.transactItems()), 1, MAX_ACTIONS);
      for (int i = 0; i < in.transactItems().size(); i++) {
        TransactAction action = in.transactItems().get(i);
        String path = "transactItems." + (i + 1) + ".member";
        if (action == null) {
          v.add(null, path, "Member must contain exactly one of Put, Update, Delete or ConditionCheck");
          continue;
        }
        String member = path + "." + switch (action) {
          case TransactAction.Put p -> "put";
          case TransactAction.Update u -> "update";
          case TransactAction.Delete d -> "delete";
          case TransactAction.ConditionCheck c -> "conditionCheck";
        };
        v.notNull(member + ".tableName", action.tableName());
        TableNames.declared(v, member + ".tableName", action.tableName());
        switch (action) {
          case TransactAction.Put p -> v.notNull(member + ".item", p.item());
          case TransactAction.Update u -> v.notNull(member + ".key", u.key())
              .notNull(member + ".updateExpression", u.updateExpression());
          case TransactAction.Delete d -> v.notNull(member + ".key", d.key());
          case TransactAction.ConditionCheck c -> v.notNull(member + ".key", c.key())
              .notNull(member + ".conditionExpression", c.conditionExpression());
        }
        v.oneOf(member + ".returnValuesOnConditionCheckFailure", action.returnValuesOnConditionCheckFailure(),
            ReturnValuesOnConditionCheckFailure.values());
      }
    }
    v.length("clientRequestToken", in.clientRequestToken(), 1, 36);
    CommonParameters.returnConsumedCapacity(v, in.returnConsumedCapacity());
    CommonParameters.returnItemCollectionMetrics(v, in.returnItemCollectionMetrics());
    v.throwIfAny();
  }

  /**
   * Every action's expressions are bound first (an invalid expression is refused as such); then each action's table
   * is looked up and its key and item checked, and an action that fails those checks cancels the transaction with a
   * ValidationError in its place, as DynamoDB Local 3.3.1 answers (the API reference says only that "a user error,
   * such as an invalid data format" cancels a transaction).
   */
  @Override
  public TransactOutput execute(TransactWriteItemsInput in, RequestContext context) {
    List<Bound> bound = new ArrayList<>(Validated.present(in.transactItems()).size());
    for (TransactAction action : Validated.present(in.transactItems())) {
      bound.add(bind(action));
    }
    List<ItemWrite> plan = TransactionChecks.eachOrCancel(bound,
        action -> write(action, db.tableForItems(Validated.present(action.action().tableName()))));
    TransactionChecks.refuseStronglyConsistent(plan.stream().map(ItemWrite::table).toList());
    TransactionChecks.requireDistinctItems(plan.stream().map(ItemWrite::key).toList());
    WriteGuard guard = in.clientRequestToken() == null ? null : tokens.guard(in.clientRequestToken(),
        IdempotencyTokens.fingerprint(in.transactItems(), in.returnConsumedCapacity(),
            in.returnItemCollectionMetrics()));
    List<WriteOutcome> outcomes = writes.transact(context, plan, guard);
    Map<String, List<ItemCollectionMetrics>> metrics = new LinkedHashMap<>();
    for (int i = 0; i < outcomes.size(); i++) {
      ItemWrite write = plan.get(i);
      ItemCollectionMetrics m = write.checkOnly() ? null
          : ItemCollectionMetrics.of(in.returnItemCollectionMetrics(), write.table(), outcomes.get(i));
      if (m != null) {
        metrics.computeIfAbsent(write.table().name(), t -> new ArrayList<>()).add(m);
      }
    }
    return new TransactOutput(null, context.capacity().report(in.returnConsumedCapacity()), metrics);
  }

  /** An action with its expressions bound. */
  private record Bound(TransactAction action, @Nullable Update update, WriteCondition condition, Binder binder) {}

  /** Binds one action's expressions: its UpdateExpression first, then its ConditionExpression, in DynamoDB's order. */
  private Bound bind(TransactAction action) {
    List<Parameter> expressions = new ArrayList<>();
    if (action instanceof TransactAction.Update u) {
      expressions.add(Parameter.of("UpdateExpression", u.updateExpression()));
    }
    expressions.add(Parameter.of("ConditionExpression", action.conditionExpression()));
    RequestExpressions.checkParameters(expressions, List.of(), action.expressionAttributeNames(),
        action.expressionAttributeValues());
    Binder binder = RequestExpressions.binder(action.expressionAttributeNames(), action.expressionAttributeValues());
    Update update = action instanceof TransactAction.Update u ? binder.bind(db.expressions().update(
        Validated.present(u.updateExpression()))) : null;
    Condition condition = action.conditionExpression() == null ? null
        : binder.bind(ExpressionKind.CONDITION,
            db.expressions().condition(ExpressionKind.CONDITION, action.conditionExpression()));
    binder.checkAllUsed();
    return new Bound(action, update, new WriteCondition(condition,
        Choice.sent(action.returnValuesOnConditionCheckFailure(), ReturnValuesOnConditionCheckFailure.ALL_OLD)),
        binder);
  }

  /** The write one bound action makes on {@code table}, once its key and item pass the table's checks. */
  private static ItemWrite write(Bound bound, TableMetadata table) {
    bound.binder().checkKeyPaths(table);
    WriteCondition condition = bound.condition();
    return switch (bound.action()) {
      case TransactAction.Put p -> {
        Map<String, AttributeValue> item = Validated.present(p.item());
        ItemLimits.checkSize(item);
        // A Put's item is whole in the request, so an index key of the wrong type is an invalid action, found before
        // any condition is read, as DynamoDB Local 3.3.1 reports it beside other actions' ConditionalCheckFailed.
        IndexEntries.check(table, item);
        yield ItemWrite.put(table, ItemKeys.ofItem(table, item), condition, item);
      }
      case TransactAction.Update u -> {
        Map<String, AttributeValue> itemKey = Validated.present(u.key());
        byte[] key = ItemKeys.ofKey(table, itemKey);
        Update update = Objects.requireNonNull(bound.update(), "an Update action's expression is bound");
        UpdateItem.checkKeyAttributes(table, update);
        yield new ItemWrite(table, key, condition, old -> UpdateItem.apply(update, old, itemKey));
      }
      case TransactAction.Delete d ->
          ItemWrite.delete(table, ItemKeys.ofKey(table, Validated.present(d.key())), condition);
      case TransactAction.ConditionCheck c ->
          ItemWrite.conditionCheck(table, ItemKeys.ofKey(table, Validated.present(c.key())), condition);
    };
  }
}
