package io.shaledb.ignite;

import io.shaledb.core.storage.StorageUnavailableException;
import io.shaledb.core.storage.WriteConflictException;
import org.apache.ignite.lang.ErrorGroups;
import org.apache.ignite.lang.IgniteException;
import org.apache.ignite.tx.RetriableTransactionException;

/** Turns Ignite's failures into the storage SPI's. */
final class IgniteErrors {
  private IgniteErrors() {}

  /**
   * The SPI's view of a failed commit. Ignite's transactions lock pessimistically and abort the younger of two
   * transactions that would wait for each other (wait-die); Ignite marks those aborts, and a primary replica that
   * moved while the transaction ran, as retriable: to the layer above that is an optimistic conflict, which it retries
   * with a new transaction. A replica that cannot be reached (a node lost, a majority missing) is a passing outage.
   */
  static RuntimeException commitFailure(RuntimeException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof RetriableTransactionException || isLockConflict(cause)) {
        return new WriteConflictException("the transaction lost a lock conflict in Ignite: " + cause.getMessage());
      }
    }
    if (isUnavailable(failure)) {
      return new StorageUnavailableException("the cluster cannot commit now: " + failure.getMessage());
    }
    return failure;
  }

  /**
   * The SPI's view of a failed read of a {@link LockingSnapshot}. A read that lost a lock conflict after the snapshot
   * had answered others cannot start again in a new Ignite transaction without changing what it already answered, so
   * the request fails as retriable.
   */
  static RuntimeException readFailure(RuntimeException failure) {
    RuntimeException mapped = commitFailure(failure);
    return mapped instanceof WriteConflictException
        ? new StorageUnavailableException("a strongly consistent read lost a lock conflict to a commit; retry it")
        : mapped;
  }

  private static boolean isLockConflict(Throwable cause) {
    return cause instanceof IgniteException ignite
        && (ignite.code() == ErrorGroups.Transactions.ACQUIRE_LOCK_ERR
            || ignite.code() == ErrorGroups.Transactions.ACQUIRE_LOCK_TIMEOUT_ERR
            || ignite.code() == ErrorGroups.Transactions.TX_PRIMARY_REPLICA_EXPIRED_ERR);
  }

  /**
   * Whether the cluster could not answer now: a replica or primary out of reach, or a range read's SQL planning
   * aborted at Ignite's planner timeout, which a starved machine reaches (no statement of the engine is cancelled
   * otherwise).
   */
  private static boolean isUnavailable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof IgniteException ignite
          && (ignite.groupCode() == ErrorGroups.Replicator.REPLICATOR_ERR_GROUP.groupCode()
              || ignite.groupCode() == ErrorGroups.PlacementDriver.PLACEMENT_DRIVER_ERR_GROUP.groupCode()
              || ignite.code() == ErrorGroups.Sql.EXECUTION_CANCELLED_ERR)) {
        return true;
      }
    }
    return false;
  }
}
