package io.shaledb.core.op.tx;

import io.shaledb.core.capacity.Access;
import io.shaledb.core.expr.ast.ExpressionKind;
import io.shaledb.core.expr.ast.Path;
import io.shaledb.core.expr.bind.Binder;
import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.ConsumedCapacity;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.PageItem;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.item.CommonParameters;
import io.shaledb.core.op.item.ItemKeys;
import io.shaledb.core.op.item.RequestExpressions;
import io.shaledb.core.op.item.RequestExpressions.Parameter;
import io.shaledb.core.op.table.TableNames;
import io.shaledb.core.op.tx.TransactGetItemsInput.Get;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import io.shaledb.core.write.TransactionAdmission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** TransactGetItems: up to 100 reads from one consistent snapshot, so they never see half of a transaction. */
public final class TransactGetItems implements Operation<TransactGetItemsInput, TransactOutput> {
  private final Database db;

  public TransactGetItems(Database db) {
    this.db = db;
  }

  @Override
  public void validate(TransactGetItemsInput in) {
    ConstraintViolations v = new ConstraintViolations();
    v.notNull("transactItems", in.transactItems());
    if (in.transactItems() != null) {
      v.size("transactItems", in.transactItems(), String.valueOf(in.transactItems()), 1,
          TransactWriteItems.MAX_ACTIONS);
      for (int i = 0; i < in.transactItems().size(); i++) {
        Get get = in.transactItems().get(i);
        String path = "transactItems." + (i + 1) + ".member.get";
        v.notNull(path, get);
        if (get != null) {
          v.notNull(path + ".tableName", get.tableName());
          TableNames.pattern(v, path + ".tableName", get.tableName());
          v.notNull(path + ".key", get.key());
        }
      }
    }
    CommonParameters.returnConsumedCapacity(v, in.returnConsumedCapacity());
    v.throwIfAny();
  }

  private record Read(TableMetadata table, Map<String, AttributeValue> key, @Nullable List<Path> projection) {}

  /** One Get with its table and projection, whose faults refuse the whole request. */
  private Read read(Get get) {
    RequestExpressions.checkParameters(List.of(Parameter.of("ProjectionExpression", get.projectionExpression())),
        List.of(), get.expressionAttributeNames(), null);
    Binder binder = RequestExpressions.binder(get.expressionAttributeNames(), null);
    List<Path> projection = get.projectionExpression() == null ? null
        : binder.bind(ExpressionKind.PROJECTION, db.expressions().projection(get.projectionExpression()));
    binder.checkAllUsed();
    TableMetadata table = db.tableForItems(Validated.present(get.tableName()));
    binder.checkKeyPaths(table);
    return new Read(table, Validated.present(get.key()), projection);
  }

  @Override
  public TransactOutput execute(TransactGetItemsInput in, RequestContext context) {
    List<Read> reads = Validated.present(in.transactItems()).stream().map(this::read).toList();
    TransactionChecks.refuseStronglyConsistent(reads.stream().map(Read::table).toList());
    // A key of the wrong shape cancels the transaction rather than refusing the request, as DynamoDB answers.
    List<byte[]> keys = TransactionChecks.eachOrCancel(reads, read -> ItemKeys.ofKey(read.table(), read.key()));
    TransactionChecks.requireDistinctItems(keys);
    TransactionAdmission.admitOrCancel(context, reads.stream().map(Read::table).toList(), keys,
        Collections.nCopies(reads.size(), Access.READ));
    List<PageItem> items = new ArrayList<>();
    try (Snapshot snapshot = db.storage().consistentSnapshot()) {
      for (int i = 0; i < reads.size(); i++) {
        Read read = reads.get(i);
        byte[] stored = snapshot.get(keys.get(i));
        context.capacity().item(read.table().name(), keys.get(i), Access.READ,
            2 * ConsumedCapacity.readUnits(stored == null ? 0 : ItemCodec.itemSize(stored), true));
        items.add(stored == null ? null : PageItem.of(stored, read.projection()));
      }
    }
    return new TransactOutput(items, context.capacity().report(in.returnConsumedCapacity()), Map.of());
  }
}
