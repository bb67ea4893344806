package io.shaledb.core.op;

import java.time.Clock;

/** Request contexts for tests that call operations directly. */
public final class Requests {
  private Requests() {}

  /** A request from a test caller, with no deadline and a fresh capacity meter. */
  public static RequestContext request() {
    return RequestContext.internal(Principal.caller("test"), Clock.systemUTC());
  }
}
