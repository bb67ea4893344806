package io.shaledb.core.op.item;

import io.shaledb.core.capacity.Access;
import io.shaledb.core.expr.ast.ExpressionKind;
import io.shaledb.core.expr.ast.Path;
import io.shaledb.core.expr.bind.Binder;
import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.op.ConsumedCapacity;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.NonBlockingOperation;
import io.shaledb.core.op.PageItem;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.item.RequestExpressions.Parameter;
import io.shaledb.core.op.table.TableNames;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import io.shaledb.core.write.ItemConsensus;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * GetItem. Every read is strongly consistent, which satisfies both ConsistentRead settings; on a table of
 * multi-region strong consistency a read with ConsistentRead goes through its regions' consensus, so it sees the
 * latest write of any region. Without a projection the item is returned as stored, for the response writer to pass
 * on without decoding it.
 */
public final class GetItem implements NonBlockingOperation<GetItemInput, GetItemOutput> {
  private final Database db;
  private final ItemReader items;

  /** @param consensus how items of tables of multi-region strong consistency are read strongly */
  public GetItem(Database db, ItemConsensus consensus) {
    this.db = db;
    this.items = new ItemReader(db, consensus);
  }

  @Override
  public void validate(GetItemInput in) {
    ConstraintViolations v = new ConstraintViolations();
    TableNames.ofItemOperation(v, in.tableName());
    v.notNull("key", in.key());
    v.size("attributesToGet", in.attributesToGet(), String.valueOf(in.attributesToGet()), 1, Integer.MAX_VALUE);
    CommonParameters.returnConsumedCapacity(v, in.returnConsumedCapacity());
    v.throwIfAny();
  }

  @Override
  public GetItemOutput execute(GetItemInput in, RequestContext context) {
    return read(in, context, true);
  }

  /**
   * The read from what the storage engine holds in memory. A strong read of a table of multi-region strong
   * consistency goes to a worker before its capacity is checked: the worker checks it, and a check here too would be a
   * second one.
   */
  @Override
  public GetItemOutput executeWithoutBlocking(GetItemInput in, RequestContext context) {
    return read(in, context, false);
  }

  private GetItemOutput read(GetItemInput in, RequestContext context, boolean mayBlock) {
    RequestExpressions.checkParameters(List.of(Parameter.of("ProjectionExpression", in.projectionExpression())),
        List.of(Parameter.of("AttributesToGet", in.attributesToGet())), in.expressionAttributeNames(), null);
    Binder binder = RequestExpressions.binder(in.expressionAttributeNames(), null);
    List<Path> projection = projection(in, binder);
    TableMetadata table = db.tableForItems(Validated.present(in.tableName()));
    binder.checkKeyPaths(table);
    byte[] key = ItemKeys.ofKey(table, Validated.present(in.key()));
    boolean consistent = Boolean.TRUE.equals(in.consistentRead());
    if (!mayBlock) {
      ItemReader.requireNonBlocking(table, consistent);
    }
    context.capacity().admitItem(table, key, Access.READ);
    byte[] stored = mayBlock ? items.read(table, key, consistent) : items.readWithoutBlocking(table, key, consistent);
    context.capacity().read(table.name(), ConsumedCapacity.readUnits(stored == null ? 0 : ItemCodec.itemSize(stored),
        consistent));
    return new GetItemOutput(stored == null ? null : PageItem.of(stored, projection),
        context.capacity().reportFor(in.returnConsumedCapacity(), table.name()));
  }

  /** The bound ProjectionExpression or AttributesToGet as top-level paths; null when neither is given. */
  private @Nullable List<Path> projection(GetItemInput in, Binder binder) {
    if (in.attributesToGet() != null) {
      return LegacyParameters.attributesToGet(in.attributesToGet());
    }
    if (in.projectionExpression() == null) {
      return null;
    }
    List<Path> paths = binder.bind(ExpressionKind.PROJECTION, db.expressions().projection(in.projectionExpression()));
    binder.checkAllUsed();
    return paths;
  }
}
