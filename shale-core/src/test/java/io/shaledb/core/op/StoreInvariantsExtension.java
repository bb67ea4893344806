package io.shaledb.core.op;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Checks a test's database with {@link StoreInvariants} after each test, so that every test of an operation also
 * shows that the operation left each index equal to its table, nothing orphaned and its streams consistent. Register
 * it on a class that makes a database per test instance, after the database's field:
 *
 * <pre>{@code
 * private final Database db = new Database(new MemoryEngine(), clock, "us-east-1");
 * @RegisterExtension final StoreInvariantsExtension invariants = new StoreInvariantsExtension(db);
 * }</pre>
 */
public final class StoreInvariantsExtension implements AfterEachCallback {
  private final Database db;

  public StoreInvariantsExtension(Database db) {
    this.db = db;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    StoreInvariants.check(db);
  }
}
