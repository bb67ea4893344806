package io.shaledb.server.http;

import io.netty.handler.ssl.SslContext;
import io.shaledb.server.auth.Authenticator;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How the transport guards the API: who sent each request ({@link Authenticator}), which Host headers a server without
 * authentication answers, which browser origins may read responses (CORS), and TLS.
 *
 * @param allowedHosts host names answered, besides loopback ones, while authentication is off ({@code *}: any)
 * @param corsOrigins origins whose scripts may call the API ({@code *}: any), besides loopback origins and the
 *     server's own
 * @param tls the server's TLS context, or null for plain HTTP
 */
public record HttpSecurity(Authenticator authenticator, Set<String> allowedHosts, Set<String> corsOrigins,
    @Nullable SslContext tls) {

  public HttpSecurity {
    allowedHosts = Set.copyOf(allowedHosts);
    corsOrigins = Set.copyOf(corsOrigins);
  }

  /** No authentication, loopback hosts and origins only, plain HTTP: transports tested without a database. */
  public static HttpSecurity loopbackOnly() {
    return new HttpSecurity(Authenticator.off(), Set.of(), Set.of(), null);
  }
}
