package io.shaledb.core.write;

import io.shaledb.core.capacity.Access;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.TableMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * Admits a transaction's actions to their tables' and items' partitions' capacity. A transaction on a table or
 * partition without capacity is cancelled, with the throttling error's code and message as the reason of each action
 * refused and None for the others,
 * as the API reference lists ProvisionedThroughputExceeded and ThrottlingError among the cancellation reasons of
 * TransactWriteItems and TransactGetItems.
 */
public final class TransactionAdmission {
  private TransactionAdmission() {}

  /**
   * @param tables each action's table, in action order
   * @param keys each action's stored item key
   * @param accesses each action's access (a condition check reads)
   * @throws DynamoException TransactionCanceledException when any table or item's partition has no capacity
   */
  public static void admitOrCancel(RequestContext context, List<TableMetadata> tables, List<byte[]> keys,
      List<Access> accesses) {
    List<CancellationReason> reasons = new ArrayList<>(tables.size());
    boolean throttled = false;
    for (int i = 0; i < tables.size(); i++) {
      DynamoException refused = context.capacity().refusalItem(tables.get(i), keys.get(i), accesses.get(i));
      throttled |= refused != null;
      reasons.add(CancellationReason.throttledOrNone(refused));
    }
    if (throttled) {
      throw CancellationReason.cancel(reasons);
    }
  }
}
