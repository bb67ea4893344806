package io.shaledb.core.op.tx;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.write.CancellationReason;
import io.shaledb.core.write.ItemConsensus;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The checks both transaction APIs make of their actions before touching an item. */
public final class TransactionChecks {
  static final String STRONGLY_CONSISTENT = "Transactions are not supported on a global table with multi-Region"
      + " strong consistency: Table: ";

  private TransactionChecks() {}

  /**
   * Applies {@code check} to every action. An action it refuses as invalid does not fail the request by itself: once
   * all are checked, the transaction is cancelled with a ValidationError in that action's place and None elsewhere,
   * as DynamoDB answers a key or item of the wrong shape.
   */
  public static <A, R> List<R> eachOrCancel(List<A> actions, Function<A, R> check) {
    List<R> checked = new ArrayList<>(actions.size());
    List<CancellationReason> reasons = new ArrayList<>(actions.size());
    boolean invalid = false;
    for (A action : actions) {
      try {
        checked.add(check.apply(action));
        reasons.add(CancellationReason.NONE);
      } catch (DynamoException e) {
        if (e.code() != ErrorCode.VALIDATION) {
          throw e;
        }
        invalid = true;
        reasons.add(CancellationReason.validationError(e.getMessage()));
      }
    }
    if (invalid) {
      throw CancellationReason.cancel(reasons);
    }
    return checked;
  }

  /** Refuses a transaction naming one item twice (the keys are encoded with their table, so tables differ). */
  public static void requireDistinctItems(List<byte[]> keys) {
    Set<ByteBuffer> seen = new HashSet<>();
    for (byte[] key : keys) {
      if (!seen.add(ByteBuffer.wrap(key))) {
        throw DynamoException.validation("Transaction request cannot include multiple operations on one item");
      }
    }
  }

  /**
   * Refuses a transaction on a table of multi-region strong consistency, which DynamoDB does not support (developer
   * guide, "Multi-Region strong consistency"); the guide gives no wording, so the message is ours.
   */
  public static void refuseStronglyConsistent(List<TableMetadata> tables) {
    for (TableMetadata table : tables) {
      if (ItemConsensus.covers(table)) {
        throw DynamoException.validation(STRONGLY_CONSISTENT + table.name());
      }
    }
  }
}
