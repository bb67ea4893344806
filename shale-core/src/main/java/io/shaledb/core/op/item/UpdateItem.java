package io.shaledb.core.op.item;

import io.shaledb.core.api.ReturnValue;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.expr.ast.Path;
import io.shaledb.core.expr.ast.Update;
import io.shaledb.core.expr.bind.Binder;
import io.shaledb.core.expr.eval.Projector;
import io.shaledb.core.expr.eval.UpdateApplier;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.item.RequestExpressions.Parameter;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import io.shaledb.core.write.ItemWrite;
import io.shaledb.core.write.WriteCondition;
import io.shaledb.core.write.WriteOutcome;
import io.shaledb.core.write.WritePipeline;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * UpdateItem: edits an item's attributes, creating the item when it does not exist (as DynamoDB does), optionally
 * under a condition. An update that removes every non-key attribute leaves the key-only item.
 */
public final class UpdateItem implements Operation<UpdateItemInput, ItemOutput> {
  private final Database db;
  private final WritePipeline writes;

  public UpdateItem(Database db, WritePipeline writes) {
    this.db = db;
    this.writes = writes;
  }

  @Override
  public void validate(UpdateItemInput in) {
    ConstraintViolations v = ConditionalWrites.checkDeclared(in.tableName(), "key", in.key(),
        in.returnValues(), in.returnConsumedCapacity(), in.returnItemCollectionMetrics(),
        in.returnValuesOnConditionCheckFailure(), in.expected(), in.conditionalOperator());
    LegacyParameters.checkDeclaredUpdates(v, in.attributeUpdates());
    v.throwIfAny();
  }

  /** Request validation errors come inside DynamoDB's envelope (see {@link RequestValidationEnvelope}). */
  @Override
  public DynamoException reported(DynamoException error) {
    return RequestValidationEnvelope.reported(error);
  }

  @Override
  public ItemOutput execute(UpdateItemInput in, RequestContext context) {
    RequestExpressions.checkParameters(
        List.of(Parameter.of("UpdateExpression", in.updateExpression()),
            Parameter.of("ConditionExpression", in.conditionExpression())),
        List.of(Parameter.of("AttributeUpdates", in.attributeUpdates()), Parameter.of("Expected", in.expected()),
            Parameter.of("ConditionalOperator", in.conditionalOperator())),
        in.expressionAttributeNames(), in.expressionAttributeValues());
    Binder binder = RequestExpressions.binder(in.expressionAttributeNames(), in.expressionAttributeValues());
    Update update = in.updateExpression() != null ? binder.bind(db.expressions().update(in.updateExpression()))
        : in.attributeUpdates() != null ? LegacyParameters.update(in.attributeUpdates())
        : new Update(List.of());
    WriteCondition condition = ConditionalWrites.condition(db, binder, in.conditionExpression(), in.expected(),
        in.conditionalOperator(), in.returnValuesOnConditionCheckFailure());
    binder.checkAllUsed();
    TableMetadata table = db.tableForItems(Validated.present(in.tableName()));
    binder.checkKeyPaths(table);
    byte[] key = ItemKeys.ofKey(table, Validated.present(in.key()));
    checkKeyAttributes(table, update);
    WriteOutcome result = writes.write(context, new ItemWrite(table, key, condition,
        previous -> apply(update, previous, Validated.present(in.key()))));
    return new ItemOutput(returnValues(in.returnValues(), update, result),
        context.capacity().reportFor(in.returnConsumedCapacity(), table.name()),
        ItemCollectionMetrics.of(in.returnItemCollectionMetrics(), table, result));
  }

  /** Key attributes cannot be updated. */
  public static void checkKeyAttributes(TableMetadata table, Update update) {
    for (Update.Action action : update.actions()) {
      String top = action.path().topLevelName();
      if (table.keySchema().isKeyAttribute(top)) {
        throw DynamoException.validation("One or more parameter values were invalid: Cannot update attribute " + top
            + ". This attribute is part of the key");
      }
    }
  }

  /**
   * The item after {@code update}: an absent item starts as its key alone, except that an update that only deletes
   * elements from sets leaves an absent item absent, as DynamoDB's DELETE action does.
   */
  public static @Nullable Map<String, AttributeValue> apply(Update update,
      @Nullable Map<String, AttributeValue> previous, Map<String, AttributeValue> key) {
    if (previous == null && !update.actions().isEmpty()
        && update.actions().stream().allMatch(action -> action instanceof Update.Delete)) {
      return null;
    }
    return UpdateApplier.apply(update, previous == null ? new LinkedHashMap<>(key) : previous);
  }

  private static @Nullable Map<String, AttributeValue> returnValues(@Nullable Choice<ReturnValue> returnValues,
      Update update,
      WriteOutcome result) {
    List<Path> updated = update.actions().stream().map(Update.Action::path).toList();
    Map<String, AttributeValue> answer = switch (Choice.valueOr(returnValues, ReturnValue.NONE)) {
      case NONE -> null;
      case ALL_OLD -> result.previous();
      case ALL_NEW -> result.current();
      case UPDATED_OLD -> result.previous() == null ? null : Projector.project(result.previous(), updated);
      case UPDATED_NEW -> result.current() == null ? null : Projector.project(result.current(), updated);
    };
    return answer == null || answer.isEmpty() ? null : answer;
  }
}
