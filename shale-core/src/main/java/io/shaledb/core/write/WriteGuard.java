package io.shaledb.core.write;

import io.shaledb.core.storage.Transaction;

/**
 * A check made first in a transactional write's storage transaction and a record written with it: how
 * TransactWriteItems' ClientRequestToken makes a retried request apply once.
 */
public interface WriteGuard {

  /** True when the request already applied: the transaction then writes nothing more. */
  boolean alreadyApplied(Transaction tx);

  /** Records the request in the transaction that applies it. */
  void record(Transaction tx);
}
