package io.shaledb.core.maintenance;

import io.shaledb.core.background.BackgroundService;
import io.shaledb.core.catalog.SystemKeyspace;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.tx.IdempotencyTokens;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.Transaction;
import io.shaledb.core.storage.WriteConflictException;
import java.util.ArrayList;
import java.util.List;

/** Deletes expired TransactWriteItems ClientRequestTokens, found in expiry order without reading live ones. */
public final class TokenExpiry implements BackgroundService {
  private static final int TOKENS_PER_PASS = 1_000;

  private final Database db;

  public TokenExpiry(Database db) {
    this.db = db;
  }

  @Override
  public boolean runPass() {
    List<byte[]> expired = new ArrayList<>();
    try (Snapshot snapshot = db.storage().snapshot();
        KvCursor cursor = snapshot.scan(SystemKeyspace.tokensExpiredBefore(db.clock().millis()), false)) {
      while (expired.size() < TOKENS_PER_PASS && cursor.next()) {
        expired.add(cursor.key());
      }
    }
    if (expired.isEmpty()) {
      return false;
    }
    try (Transaction tx = db.storage().begin()) {
      expired.forEach(key -> IdempotencyTokens.forget(tx, key));
      tx.commit();
    } catch (WriteConflictException e) {
      return true; // a request reused one of these tokens meanwhile: read them again
    }
    return expired.size() == TOKENS_PER_PASS;
  }
}
