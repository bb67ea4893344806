package io.shaledb.ignite;

/**
 * Where an embedded node's REST server listens: on the node's host, as its cluster and client ports do. Ignite 3.1's
 * REST configuration has no listen address (only ports and TLS), and the Micronaut server it builds for REST binds
 * every interface unless Micronaut's {@code micronaut.server.host} is set. Ignite gives that context only properties
 * of its own, none of them the host, so the one way in is Micronaut's default property sources, which it keeps: the
 * JVM's system properties, then the environment ({@code MICRONAUT_SERVER_HOST}), read as each node's REST server
 * starts.
 *
 * <p>A system property is process-wide: every node this process starts afterwards reads the same one. The nodes of a
 * process share a host (a server runs one node; the tests' clusters run theirs on 127.0.0.1), so the first node's
 * value is right for all of them; a node on another host in the same process would listen on the first one's, which
 * is logged.
 */
final class RestListenAddress {
  static final String PROPERTY = "micronaut.server.host";
  static final String ENVIRONMENT_VARIABLE = "MICRONAUT_SERVER_HOST";
  private static final System.Logger LOG = System.getLogger(RestListenAddress.class.getName());

  private RestListenAddress() {}

  /**
   * Before a node on {@code host} starts: its REST server is to listen on {@code host}, unless the operator chose an
   * address (the system property or the environment variable), which stands.
   */
  static synchronized void listenOn(String host) {
    String property = System.getProperty(PROPERTY);
    String chosen = property != null ? property : System.getenv(ENVIRONMENT_VARIABLE);
    if (chosen == null) {
      System.setProperty(PROPERTY, host);
    } else if (!chosen.equals(host)) {
      LOG.log(System.Logger.Level.WARNING, "Ignite''s REST API listens on {0} ({1}), not on the node''s host {2}",
          chosen, property != null ? "system property " + PROPERTY : "environment variable " + ENVIRONMENT_VARIABLE,
          host);
    }
  }
}
