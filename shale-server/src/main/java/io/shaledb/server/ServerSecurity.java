package io.shaledb.server;

import java.nio.file.Path;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How a server guards its API: the hosts and browser origins a server without authentication answers, whether it may
 * listen beyond loopback without authentication, where the key that seals access keys' secrets is, TLS, and the
 * master key that encrypts data at rest.
 *
 * @param allowedHosts Host header names answered, besides loopback ones, while no user exists ({@code *}: any)
 * @param corsOrigins browser origins allowed to call the API, besides loopback ones and the server's own
 * @param insecureNoAuth whether to listen on a non-loopback address while no user exists (and so nothing is verified)
 * @param authKeyFile the key file sealing secrets, or null for the default ({@link
 *     io.shaledb.server.auth.SecretSealer#keyFile})
 * @param tls how to serve HTTPS, or null for plain HTTP
 * @param encryptionKeyFile the master key file of encryption at rest ({@link KeyFile}, created when missing), or null
 *     to store data in clear
 */
public record ServerSecurity(Set<String> allowedHosts, Set<String> corsOrigins, boolean insecureNoAuth,
    @Nullable Path authKeyFile, @Nullable TlsOptions tls, @Nullable Path encryptionKeyFile) {

  public ServerSecurity {
    allowedHosts = Set.copyOf(allowedHosts);
    corsOrigins = Set.copyOf(corsOrigins);
  }

  /** Loopback only, the default key file, plain HTTP. */
  public static ServerSecurity defaults() {
    return new ServerSecurity(Set.of(), Set.of(), false, null, null, null);
  }

  public ServerSecurity withAuthKeyFile(Path file) {
    return new ServerSecurity(allowedHosts, corsOrigins, insecureNoAuth, file, tls, encryptionKeyFile);
  }

  public ServerSecurity withTls(TlsOptions options) {
    return new ServerSecurity(allowedHosts, corsOrigins, insecureNoAuth, authKeyFile, options, encryptionKeyFile);
  }

  public ServerSecurity withEncryptionKeyFile(Path file) {
    return new ServerSecurity(allowedHosts, corsOrigins, insecureNoAuth, authKeyFile, tls, file);
  }

  /**
   * HTTPS: a certificate chain and its private key (PEM files), or a self-signed certificate made at start for
   * development; with {@code clientCa}, clients must present a certificate it signed.
   */
  public record TlsOptions(@Nullable Path certificate, @Nullable Path privateKey, @Nullable Path clientCa,
      boolean selfSigned) {}
}
