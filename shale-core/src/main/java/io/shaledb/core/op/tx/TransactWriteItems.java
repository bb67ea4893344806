package io.shaledb.core.op.tx;

import io.shaledb.core.error.CancellationReason;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.expr.ExpressionKind;
import io.shaledb.core.expr.ast.Condition;
import io.shaledb.core.expr.ast.Update;
import io.shaledb.core.expr.bind.Binder;
import io.shaledb.core.expr.eval.ConditionEvaluator;
import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.ItemSize;
import io.shaledb.core.op.ConsumedCapacity;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.item.ItemCollectionMetrics;
import io.shaledb.core.op.item.ItemKeys;
import io.shaledb.core.op.item.ItemStore;
import io.shaledb.core.op.item.RequestExpressions;
import io.shaledb.core.op.item.UpdateItem;
import io.shaledb.core.op.item.WriteResult;
import io.shaledb.core.op.table.TableNames;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.ConstraintViolations;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * TransactWriteItems: up to 100 puts, updates, deletes and condition checks over several tables, applied all or
 * none. Every action's item is read, every condition evaluated and every new item computed inside one storage
 * transaction, which commits atomically (and durably, on a durable engine) or loses a conflict and starts over;
 * so transactions are serializable with each other and with single-item writes, and readers, which read from
 * snapshots, never see half of one. See docs/architecture.md.
 */
public final class TransactWriteItems implements Operation<TransactWriteItemsInput, TransactOutput> {
  static final int MAX_ACTIONS = 100;
  /** DynamoDB's limit on the aggregate size of a transaction's items. */
  static final long MAX_AGGREGATE_BYTES = 4L * 1024 * 1024;

  private final Database db;
  private final ItemStore store;
  private final IdempotencyTokens tokens;

  public TransactWriteItems(Database db, ItemStore store) {
    this.db = db;
    this.store = store;
    this.tokens = new IdempotencyTokens(db.clock());
  }

  /** One action, checked and bound: its item's key, its condition, and how it changes the item. */
  private record Step(TableMetadata table, byte[] key, Condition condition, boolean returnOldOnFailure,
      UnaryOperator<Map<String, AttributeValue>> change, boolean conditionCheckOnly) {}

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
        TableNames.pattern(v, member + ".tableName", action.tableName());
        v.length(member + ".tableName", action.tableName(), 3, 255);
        switch (action) {
          case TransactAction.Put p -> v.notNull(member + ".item", p.item());
          case TransactAction.Update u -> v.notNull(member + ".key", u.key())
              .notNull(member + ".updateExpression", u.updateExpression());
          case TransactAction.Delete d -> v.notNull(member + ".key", d.key());
          case TransactAction.ConditionCheck c -> v.notNull(member + ".key", c.key())
              .notNull(member + ".conditionExpression", c.conditionExpression());
        }
      }
    }
    v.length("clientRequestToken", in.clientRequestToken(), 1, 36);
    v.oneOf("returnConsumedCapacity", in.returnConsumedCapacity(), List.of("INDEXES", "TOTAL", "NONE"));
    v.oneOf("returnItemCollectionMetrics", in.returnItemCollectionMetrics(), List.of("SIZE", "NONE"));
    v.throwIfAny();
  }

  @Override
  public TransactOutput execute(TransactWriteItemsInput in) {
    List<Step> steps = new ArrayList<>();
    Set<ByteBuffer> keys = new HashSet<>();
    for (TransactAction action : in.transactItems()) {
      Step step = plan(action);
      if (!keys.add(ByteBuffer.wrap(step.key()))) {
        throw DynamoException.validation("Transaction request cannot include multiple operations on one item");
      }
      steps.add(step);
    }
    byte[] fingerprint = IdempotencyTokens.fingerprint(in.transactItems(), in.returnConsumedCapacity(),
        in.returnItemCollectionMetrics());
    return store.inTransaction(tx -> {
      if (in.clientRequestToken() != null && tokens.alreadyApplied(tx, in.clientRequestToken(), fingerprint)) {
        return new ItemStore.Committed<>(new TransactOutput(null, List.of(), Map.of()), List.of());
      }
      List<byte[]> stored = new ArrayList<>(steps.size());
      List<Map<String, AttributeValue>> previous = new ArrayList<>(steps.size());
      for (Step step : steps) {
        byte[] bytes = tx.get(step.key());
        stored.add(bytes);
        previous.add(bytes == null ? null : ItemCodec.decode(bytes));
      }
      checkConditions(steps, previous);
      List<Map<String, AttributeValue>> next = computeChanges(steps, previous);
      long aggregate = next.stream().filter(item -> item != null).mapToLong(ItemSize::of).sum();
      if (aggregate > MAX_AGGREGATE_BYTES) {
        throw DynamoException.validation("Transaction request cannot be larger than 4 MB");
      }
      List<ItemStore.Staged> changes = new ArrayList<>();
      Map<String, TableMetadata> tables = new HashMap<>();
      Map<String, Double> units = new LinkedHashMap<>();
      Map<String, List<ItemCollectionMetrics>> metrics = new LinkedHashMap<>();
      for (int i = 0; i < steps.size(); i++) {
        Step step = steps.get(i);
        if (step.conditionCheckOnly()) {
          long size = stored.get(i) == null ? 0 : ItemCodec.itemSize(stored.get(i));
          units.merge(step.table().name(), 2 * ConsumedCapacity.readUnits(size, true), Double::sum);
          continue;
        }
        TableMetadata table = tables.computeIfAbsent(step.table().name(), name -> store.tableIn(tx, name));
        ItemStore.Staging staging = store.stage(tx, table, step.key(), stored.get(i), previous.get(i), next.get(i));
        changes.addAll(staging.changes());
        ItemCollectionMetrics m = ItemCollectionMetrics.of(in.returnItemCollectionMetrics(), step.table(),
            new WriteResult(previous.get(i), next.get(i), staging.itemCollectionBytes(), staging.writeBytes()));
        if (m != null) {
          metrics.computeIfAbsent(step.table().name(), t -> new ArrayList<>()).add(m);
        }
        units.merge(step.table().name(), 2 * ConsumedCapacity.writeUnits(staging.writeBytes()), Double::sum);
      }
      if (in.clientRequestToken() != null) {
        tokens.remember(tx, in.clientRequestToken(), fingerprint);
      }
      return new ItemStore.Committed<>(new TransactOutput(null,
          ConsumedCapacity.perTable(in.returnConsumedCapacity(), units), metrics), changes);
    });
  }

  private Step plan(TransactAction action) {
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
    boolean returnOld = "ALL_OLD".equals(action.returnValuesOnConditionCheckFailure());
    return switch (action) {
      case TransactAction.Put p -> {
        if (ItemSize.of(p.item()) > ItemSize.MAX_ITEM_BYTES) {
          throw DynamoException.validation("Item size has exceeded the maximum allowed size");
        }
        yield new Step(table, ItemKeys.ofItem(table, p.item()), condition, returnOld, old -> p.item(), false);
      }
      case TransactAction.Update u -> {
        UpdateItem.checkKeyAttributes(table, update);
        yield new Step(table, ItemKeys.ofKey(table, u.key()), condition, returnOld,
            old -> UpdateItem.apply(update, old, u.key()), false);
      }
      case TransactAction.Delete d -> new Step(table, ItemKeys.ofKey(table, d.key()), condition, returnOld,
          old -> null, false);
      case TransactAction.ConditionCheck c -> new Step(table, ItemKeys.ofKey(table, c.key()), condition, returnOld,
          UnaryOperator.identity(), true);
    };
  }

  private static void checkConditions(List<Step> steps, List<Map<String, AttributeValue>> previous) {
    List<CancellationReason> reasons = new ArrayList<>();
    boolean failed = false;
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      Map<String, AttributeValue> old = previous.get(i);
      if (step.condition() != null && !ConditionEvaluator.test(step.condition(), old == null ? Map.of() : old)) {
        failed = true;
        reasons.add(new CancellationReason("ConditionalCheckFailed", "The conditional request failed",
            step.returnOldOnFailure() ? old : null));
      } else {
        reasons.add(CancellationReason.NONE);
      }
    }
    if (failed) {
      throw canceled(reasons);
    }
  }

  private static List<Map<String, AttributeValue>> computeChanges(List<Step> steps,
      List<Map<String, AttributeValue>> previous) {
    List<Map<String, AttributeValue>> next = new ArrayList<>();
    List<CancellationReason> reasons = new ArrayList<>();
    boolean failed = false;
    for (int i = 0; i < steps.size(); i++) {
      try {
        Map<String, AttributeValue> item = steps.get(i).change().apply(previous.get(i));
        if (item != null && ItemSize.of(item) > ItemSize.MAX_ITEM_BYTES) {
          throw DynamoException.validation("Item size has exceeded the maximum allowed size");
        }
        next.add(item);
        reasons.add(CancellationReason.NONE);
      } catch (DynamoException e) {
        failed = true;
        next.add(null);
        reasons.add(new CancellationReason("ValidationError", e.getMessage(), null));
      }
    }
    if (failed) {
      throw canceled(reasons);
    }
    return next;
  }

  private static DynamoException canceled(List<CancellationReason> reasons) {
    String codes = String.join(", ", reasons.stream().map(CancellationReason::code).toList());
    return new DynamoException(ErrorCode.TRANSACTION_CANCELED,
        "Transaction cancelled, please refer cancellation reasons for specific reasons [" + codes + "]",
        Map.of("CancellationReasons", List.copyOf(reasons)));
  }
}
