package io.shaledb.core.write;

import io.shaledb.core.catalog.TableStatistics;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.Transaction;
import io.shaledb.core.storage.WriteConflictException;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a body in a storage transaction and commits it, starting over from fresh reads when the commit loses a
 * conflict; counts the committed item changes in the table statistics once the commit succeeded.
 */
public final class Transactions {
  /** Retries before a hopelessly contended write gives up; each retry means another writer made progress. */
  private static final int MAX_ATTEMPTS = 10_000;

  private final StorageEngine storage;
  private final TableStatistics statistics;

  public Transactions(StorageEngine storage, TableStatistics statistics) {
    this.storage = storage;
    this.statistics = statistics;
  }

  /** What a transaction body produced: its result and the item changes to count once it commits. */
  public record Committed<R>(R result, List<Staged> changes) {
    public static <R> Committed<R> nothing(R result) {
      return new Committed<>(result, List.of());
    }
  }

  /** One item (or index entry) change staged in a storage transaction, for table statistics. */
  public record Staged(int keyspace, long oldSize, long newSize) {}

  /**
   * Runs {@code body} until it commits. The body must be free of side effects outside the transaction.
   *
   * @throws DynamoException TransactionConflictException (retryable) when the request's deadline passes, or after
   *     many lost conflicts, before a commit succeeded
   */
  public <R> R run(RequestContext context, Function<Transaction, Committed<R>> body) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS && (attempt == 0 || !context.pastDeadline()); attempt++) {
      try (Transaction tx = storage.begin()) {
        Committed<R> committed = body.apply(tx);
        tx.commit();
        for (Staged change : committed.changes()) {
          statistics.recordChange(change.keyspace(), change.oldSize(), change.newSize());
        }
        return committed.result();
      } catch (WriteConflictException e) {
        Thread.onSpinWait();
      }
    }
    throw new DynamoException(ErrorCode.TRANSACTION_CONFLICT,
        "Transaction is ongoing for the item: too much contention on one item");
  }
}
