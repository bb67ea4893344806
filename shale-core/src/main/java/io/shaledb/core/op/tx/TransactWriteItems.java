package io.shaledb.core.op.tx;

import io.shaledb.core.validate.Choice;
import io.shaledb.core.api.ReturnValuesOnConditionCheckFailure;
import io.shaledb.core.op.item.CommonParameters;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.expr.ast.Condition;
import io.shaledb.core.expr.ast.ExpressionKind;
import io.shaledb.core.expr.ast.Update;
import io.shaledb.core.expr.bind.Binder;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.item.ItemCollectionMetrics;
import io.shaledb.core.op.item.ItemKeys;
import io.shaledb.core.op.item.RequestExpressions;
import io.shaledb.core.op.item.UpdateItem;
import io.shaledb.core.op.table.TableNames;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.write.ItemLimits;
import io.shaledb.core.write.ItemWrite;
import io.shaledb.core.write.WriteCondition;
import io.shaledb.core.write.WriteGuard;
import io.shaledb.core.write.WriteOutcome;
import io.shaledb.core.write.WritePipeline;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
      v.size("transactItems", in.transactItems(), String.valueOf(in.transactItems().size()), 1, MAX_ACTIONS);
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

  @Override
  public TransactOutput execute(TransactWriteItemsInput in, RequestContext context) {
    List<ItemWrite> plan = new ArrayList<>();
    Set<ByteBuffer> keys = new HashSet<>();
    for (TransactAction action : in.transactItems()) {
      ItemWrite write = plan(action);
      if (!keys.add(ByteBuffer.wrap(write.key()))) {
        throw DynamoException.validation("Transaction request cannot include multiple operations on one item");
      }
      plan.add(write);
    }
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

  /** One action, checked and bound before the transaction runs. */
  private ItemWrite plan(TransactAction action) {
    List<String> expressions = new ArrayList<>(Arrays.asList(action.conditionExpression()));
    if (action instanceof TransactAction.Update u) {
      expressions.add(u.updateExpression());
    }
    Binder binder = RequestExpressions.binder(action.expressionAttributeNames(), action.expressionAttributeValues(),
        expressions);
    Condition condition = action.conditionExpression() == null ? null
        : binder.bind(ExpressionKind.CONDITION,
            db.expressions().condition(ExpressionKind.CONDITION, action.conditionExpression()));
    Update update = action instanceof TransactAction.Update u ? binder.bind(db.expressions().update(
        u.updateExpression())) : null;
    binder.checkAllUsed();
    TableMetadata table = db.tableForItems(action.tableName());
    WriteCondition writeCondition = new WriteCondition(condition,
        Choice.sent(action.returnValuesOnConditionCheckFailure(), ReturnValuesOnConditionCheckFailure.ALL_OLD));
    return switch (action) {
      case TransactAction.Put p -> {
        ItemLimits.checkSize(p.item());
        yield ItemWrite.put(table, ItemKeys.ofItem(table, p.item()), writeCondition, p.item());
      }
      case TransactAction.Update u -> {
        UpdateItem.checkKeyAttributes(table, update);
        yield new ItemWrite(table, ItemKeys.ofKey(table, u.key()), writeCondition,
            old -> UpdateItem.apply(update, old, u.key()));
      }
      case TransactAction.Delete d -> ItemWrite.delete(table, ItemKeys.ofKey(table, d.key()), writeCondition);
      case TransactAction.ConditionCheck c ->
          ItemWrite.conditionCheck(table, ItemKeys.ofKey(table, c.key()), writeCondition);
    };
  }
}
