package io.shaledb.core.op;

import io.shaledb.core.error.DynamoException;
import java.time.Clock;

/** Request contexts for tests that call operations directly. */
public final class Requests {
  private Requests() {}

  /** A request from a test caller, with no deadline and a fresh capacity meter. */
  public static RequestContext request() {
    return RequestContext.internal(Principal.caller("test"), Clock.systemUTC());
  }

  /**
   * Runs an operation as the protocol layer does: its declared constraints first, then the operation, with its
   * errors as the operation reports them.
   */
  public static <I, O> O run(Operation<I, O> operation, I input) {
    try {
      operation.validate(input);
      return operation.execute(input, request());
    } catch (DynamoException e) {
      throw operation.reported(e);
    }
  }
}
