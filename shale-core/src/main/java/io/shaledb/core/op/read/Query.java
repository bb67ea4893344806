package io.shaledb.core.op.read;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.expr.ast.Condition;
import io.shaledb.core.expr.ast.ExpressionKind;
import io.shaledb.core.expr.bind.Binder;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.item.ExpectedCondition;
import io.shaledb.core.op.item.LegacyParameters;
import io.shaledb.core.op.item.RequestExpressions;
import io.shaledb.core.op.item.RequestExpressions.Parameter;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.KeySchema;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.write.ItemConsensus;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Query: the items of one partition, in sort key order (or reversed), one page at a time. */
public final class Query implements Operation<QueryInput, ReadPage> {
  private final Database db;
  private final ItemConsensus consensus;

  /** @param consensus how a strongly consistent read of a table of multi-region strong consistency reads its items */
  public Query(Database db, ItemConsensus consensus) {
    this.db = db;
    this.consensus = consensus;
  }

  @Override
  public void validate(QueryInput in) {
    ConstraintViolations v = ReadParameters.checkDeclared(in.read(), ReadParameters.Kind.QUERY);
    LegacyParameters.checkDeclared(v, "keyConditions", in.keyConditions(), null);
    v.throwIfAny();
  }

  @Override
  public ReadPage execute(QueryInput in, RequestContext context) {
    ReadRequest r = in.read();
    // KeyConditions go with a FilterExpression: only beside a KeyConditionExpression are they a mix.
    RequestExpressions.checkParameters(
        List.of(Parameter.of("ProjectionExpression", r.projectionExpression()),
            Parameter.of("FilterExpression", r.filterExpression()),
            Parameter.of("KeyConditionExpression", in.keyConditionExpression())),
        List.of(Parameter.of("AttributesToGet", r.attributesToGet()), Parameter.of("QueryFilter", r.legacyFilter()),
            Parameter.of("ConditionalOperator", r.conditionalOperator()),
            Parameter.of("KeyConditions", in.keyConditionExpression() == null ? null : in.keyConditions())),
        r.expressionAttributeNames(), r.expressionAttributeValues());
    if (in.keyConditions() == null && in.keyConditionExpression() == null) {
      throw DynamoException.validation(
          "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
    }
    Binder binder = RequestExpressions.binder(r.expressionAttributeNames(), r.expressionAttributeValues());
    Condition keyCondition = in.keyConditionExpression() != null
        ? binder.bind(ExpressionKind.KEY_CONDITION,
            db.expressions().condition(ExpressionKind.KEY_CONDITION, in.keyConditionExpression()))
        : LegacyParameters.condition(in.keyConditions(), null);
    // After each condition's own checks, as dynalite's recorded answers show; a table's key has at most two
    // attributes, an index's may have more (multi-attribute keys), which is known once the index is looked up.
    if (in.keyConditions() != null && (in.keyConditions().isEmpty() || r.indexName() == null)) {
      checkLegacyConditionCount(in.keyConditions());
    }
    ReadParameters.Resolved resolved = ReadParameters.resolve(db, r, binder, "QueryFilter", "Querying");
    ReadTarget target = resolved.target();
    IndexMetadata index = target.index();
    KeySchema keys = index == null ? target.table().keySchema() : index.keySchema();
    if (in.keyConditions() != null && r.indexName() != null && !keys.hasMultipleAttributes()) {
      checkLegacyConditionCount(in.keyConditions());
    }
    KeyConditions.KeyQuery key = KeyConditions.analyze(
        Objects.requireNonNull(keyCondition, "KeyConditions were checked to be non-empty"), keys);
    EmptyKeyValues.check(key, keys, index);
    if (resolved.filter() != null) {
      FilterKeys.check(resolved.filter(), keys, r.legacyFilter() != null);
    }
    boolean reverse = Boolean.FALSE.equals(in.scanIndexForward());
    KeyRange range = KeyCodec.queryRange(target.keyspace(), key.partitionKeys(), key.sortKeyPrefix(),
        key.lastSortKey());
    return PageReader.read(db.storage(), consensus, target, PageReader.after(range, resolved.exclusiveStart(), reverse),
        reverse, r.limit() == null ? null : r.limit().intValue(), resolved.filter(), resolved.projection(),
        resolved.countOnly(), resolved.consistent(), context, r.returnConsumedCapacity());
  }

  private static void checkLegacyConditionCount(Map<String, ExpectedCondition> keyConditions) {
    if (keyConditions.isEmpty() || keyConditions.size() > 2) {
      throw DynamoException.validation("Conditions can be of length 1 or 2 only");
    }
  }
}
