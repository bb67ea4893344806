package io.shaledb.ignite;

import org.apache.ignite.IgniteServer;
import org.apache.ignite.internal.app.IgniteImpl;
import org.apache.ignite.internal.app.IgniteServerImpl;

/**
 * The way from Ignite 3.1's public server to its internal node, for the few classes that need what the public API
 * lacks. A later Ignite may change it; each caller then turns the failure into a warning and does without.
 */
final class IgniteInternals {
  private IgniteInternals() {}

  /** {@code server}'s internal node; fails when {@code server} is not Ignite 3.1's implementation. */
  static IgniteImpl of(IgniteServer server) {
    if (!(server instanceof IgniteServerImpl impl)) {
      throw new IllegalStateException("the Ignite server is a " + server.getClass().getName()
          + ", not Ignite 3.1's IgniteServerImpl");
    }
    return impl.igniteImpl();
  }
}
