package io.shaledb.server;

import io.netty.handler.ssl.SslContext;
import io.shaledb.core.encryption.EncryptionAtRest;
import io.shaledb.core.encryption.MasterKey;
import io.shaledb.core.op.Database;
import io.shaledb.core.replication.PeerLink;
import io.shaledb.core.replication.Peers;
import io.shaledb.core.storage.Capability;
import io.shaledb.core.storage.StorageEngine;
import io.shaledb.core.storage.StorageEngines;
import io.shaledb.server.api.ApiHandlers;
import io.shaledb.server.api.DynamoApi;
import io.shaledb.server.auth.Authenticator;
import io.shaledb.server.auth.PrincipalStore;
import io.shaledb.server.auth.SecretSealer;
import io.shaledb.server.console.Console;
import io.shaledb.server.http.HostCheck;
import io.shaledb.server.http.HttpApiServer;
import io.shaledb.server.http.HttpSecurity;
import io.shaledb.server.http.TlsContexts;
import io.shaledb.server.http.WebPages;
import io.shaledb.server.metrics.AccessLog;
import io.shaledb.server.metrics.RequestObserver;
import io.shaledb.server.replication.HttpPeerLink;
import io.shaledb.server.replication.PeerEndpoint;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/** A running ShaleDB: a storage engine, the API over it and the HTTP server in front. Close it to stop. */
public final class ShaleDbServer implements AutoCloseable {
  private final ServerConfig config;
  private final StorageEngine engine;
  private final DynamoApi api;
  private final HttpApiServer http;
  private final PrincipalStore principals;
  private final Authenticator authenticator;
  private final @Nullable X509Certificate selfSigned;
  private final @Nullable AccessLog accessLog;
  private final Peers peers;

  private ShaleDbServer(ServerConfig config, StorageEngine engine, DynamoApi api, HttpApiServer http,
      PrincipalStore principals, Authenticator authenticator, @Nullable X509Certificate selfSigned,
      @Nullable AccessLog accessLog, Peers peers) {
    this.config = config;
    this.engine = engine;
    this.api = api;
    this.http = http;
    this.principals = principals;
    this.authenticator = authenticator;
    this.selfSigned = selfSigned;
    this.accessLog = accessLog;
    this.peers = peers;
  }

  /**
   * Opens the engine, then serves. A start that fails closes what it opened and, when the data directory was
   * missing or empty before, removes what it created there.
   *
   * @throws IllegalArgumentException for an unknown engine or engine option, before anything is created
   * @throws IllegalStateException when the engine cannot open (a data directory another server holds, or one
   *     encrypted at rest under another master key than {@link ServerSecurity#encryptionKeyFile}'s or none), the
   *     address cannot be bound, or it is not a loopback one while no user exists and {@link
   *     ServerSecurity#insecureNoAuth} does not allow that
   */
  public static ShaleDbServer start(ServerConfig config) throws InterruptedException {
    Optional<NewDataDirectory> directory = NewDataDirectory.before(config.storage().dataDirectory());
    StorageEngine engine;
    try {
      engine = StorageEngines.open(config.engine(), config.storage());
    } catch (RuntimeException e) {
      directory.ifPresent(created -> created.discard(e));
      throw e;
    }
    DynamoApi api = null;
    AccessLog accessLog = null;
    Peers peers = Peers.NONE;
    try {
      ServerSecurity security = config.security();
      Path encryptionKeyFile = security.encryptionKeyFile();
      engine = EncryptionAtRest.open(engine,
          encryptionKeyFile == null ? null : new MasterKey(KeyFile.readOrCreate(encryptionKeyFile)));
      PrincipalStore principals = new PrincipalStore(engine,
          SecretSealer.lazily(SecretSealer.keyFile(security.authKeyFile())), config.clock(), Database.ACCOUNT_ID);
      Authenticator authenticator = Authenticator.over(principals, config.region(), config.clock());
      if (!authenticator.verifying() && !HostCheck.isLoopback(config.host()) && !security.insecureNoAuth()) {
        throw new IllegalStateException("no user exists, so listening on " + config.host() + ", which is not a"
            + " loopback address, would serve anyone who can reach it without authentication: create a user and"
            + " key first (shaledb users create NAME, shaledb users keys create NAME), or pass --insecure-no-auth");
      }
      TlsContexts.SelfSigned selfSigned = security.tls() != null && security.tls().selfSigned()
          ? TlsContexts.selfSigned(config.host()) : null;
      Observability observability = config.observability();
      peers = peers(config);
      api = ApiHandlers.create(engine, config.region(), config.maintenanceInterval(), config.clock(),
          config.capacity(), observability.metrics(), principals, peers, config.tombstones());
      accessLog = observability.accessLog() == null ? null : AccessLog.open(observability.accessLog());
      HttpApiServer http = HttpApiServer.start(config.host(), config.port(), api,
          !engine.capabilities().contains(Capability.NON_BLOCKING), config.httpLimits(), config.clock(),
          new HttpSecurity(authenticator, security.allowedHosts(), security.corsOrigins(),
              tls(security.tls(), selfSigned)),
          new RequestObserver(api.metrics(), accessLog, observability.logFormat(), config.clock()),
          config.console() ? Console.of(config.region(), authenticator::verifying) : WebPages.none());
      return new ShaleDbServer(config, engine, api, http, principals, authenticator,
          selfSigned == null ? null : selfSigned.certificate(), accessLog, peers);
    } catch (RuntimeException | InterruptedException e) {
      if (accessLog != null) {
        accessLog.close();
      }
      if (api != null) {
        api.close();
      }
      peers.links().values().forEach(PeerLink::close);
      engine.close();
      directory.ifPresent(created -> created.discard(e));
      throw e;
    }
  }

  /** The links to the configured peer regions, each signing with its peer's key. */
  private static Peers peers(ServerConfig config) {
    Map<String, PeerLink> links = new HashMap<>();
    for (PeerEndpoint peer : config.peers()) {
      links.put(peer.region(), new HttpPeerLink(peer, config.clock()));
    }
    return new Peers(links);
  }

  public ServerConfig config() {
    return config;
  }

  /** The port actually bound (useful when the configuration asked for port 0). */
  public int port() {
    return http.port();
  }

  private static @Nullable SslContext tls(ServerSecurity.@Nullable TlsOptions options,
      TlsContexts.@Nullable SelfSigned selfSigned) {
    if (options == null) {
      return null;
    }
    File clientCa = options.clientCa() == null ? null : options.clientCa().toFile();
    if (selfSigned != null) {
      return TlsContexts.fromSelfSigned(selfSigned, clientCa);
    }
    if (options.certificate() == null || options.privateKey() == null) {
      throw new IllegalArgumentException("TLS needs a certificate and its private key (--tls-cert and --tls-key),"
          + " or --tls-self-signed");
    }
    return TlsContexts.fromPem(options.certificate().toFile(), options.privateKey().toFile(), clientCa);
  }

  public URI endpoint() {
    return URI.create((config.security().tls() == null ? "http" : "https") + "://" + config.host() + ":" + port());
  }

  /** The users and access keys this server verifies requests with. */
  public PrincipalStore principals() {
    return principals;
  }

  /** Whether requests' signatures are verified: some user exists. */
  public boolean authenticating() {
    return authenticator.verifying();
  }

  /** The certificate made at start for {@link ServerSecurity.TlsOptions#selfSigned}, if one was. */
  public Optional<X509Certificate> selfSignedCertificate() {
    return Optional.ofNullable(selfSigned);
  }

  /**
   * Completes, with why, once the storage engine can no longer serve in this process ({@link
   * StorageEngine#restartNeeded()}): the process must be started again.
   */
  public CompletionStage<String> restartNeeded() {
    return engine.restartNeeded();
  }

  /** Stops serving and background work, then closes the storage engine so a durable one shuts down cleanly. */
  @Override
  public void close() {
    http.close();
    if (accessLog != null) {
      accessLog.close();
    }
    api.close();
    peers.links().values().forEach(PeerLink::close);
    engine.close();
  }
}
