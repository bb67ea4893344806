package io.shaledb.server.cli;

import io.shaledb.core.capacity.CapacityMode;
import io.shaledb.core.replication.TombstoneReclamation;
import io.shaledb.core.storage.Durability;
import io.shaledb.core.storage.EngineOptions;
import io.shaledb.server.Observability;
import io.shaledb.server.ServerConfig;
import io.shaledb.server.ServerSecurity;
import io.shaledb.server.ShaleDbServer;
import io.shaledb.server.auth.SecretSealer;
import io.shaledb.server.http.HttpLimits;
import io.shaledb.server.metrics.LogFormat;
import io.shaledb.server.replication.PeerEndpoint;
import io.shaledb.server.replication.PeersFile;
import io.shaledb.server.time.SettableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code shaledb serve}: runs a server in the foreground until SIGTERM or SIGINT. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run a ShaleDB server in the foreground.")
final class ServeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
  /** The environment variable naming the master key file, when no option names one. */
  static final String ENCRYPTION_KEY_VARIABLE = "SHALEDB_ENCRYPTION_KEY_FILE";
  /** This process's limits, from its descriptor limit and heap; the options below change some. */
  private final HttpLimits defaultLimits = HttpLimits.defaults();

  @Spec
  CommandSpec spec;

  @Option(names = "--port", description = "Port to listen on (0 picks a free one). Default: ${DEFAULT-VALUE}.")
  int port = ServerConfig.DEFAULT_PORT;

  @Option(names = "--host", description = "Address to listen on. Default: ${DEFAULT-VALUE}.")
  String host = ServerConfig.DEFAULT_HOST;

  @Option(names = "--data-dir", description = "Where durable data lives. Default: ${DEFAULT-VALUE}.")
  Path dataDirectory = Path.of("shale-data");

  @Option(names = "--engine", paramLabel = "NAME",
      description = "Storage engine: rocksdb (durable, in --data-dir), memory (nothing survives the process) or"
          + " ignite (a node of a cluster, with the --cluster options). Default: rocksdb, or ignite with a --cluster"
          + " option.")
  @Nullable String engine;

  @Option(names = "--in-memory", description = "Keep everything in memory: the same as --engine memory.")
  boolean inMemory;

  @Option(names = "--durability", paramLabel = "LEVEL",
      description = "What an acknowledged write survives: fsync (the default: a power cut or an operating system"
          + " crash, since each write waits for its log record to reach the disk, one sync shared by the writes"
          + " that wait together) or os (the process being killed only, since the log reaches the operating system"
          + " and not necessarily the disk; faster).")
  Durability durability = Durability.FSYNC;

  @Option(names = "--engine-option", paramLabel = "NAME=VALUE",
      description = "An engine setting, repeatable. rocksdb: block-cache=SIZE (cache of table-file blocks,"
          + " default 64m), write-buffer=SIZE (memtable size, default 32m), background-jobs=N (flush and"
          + " compaction threads, default 2). Sizes take a k, m or g suffix.")
  Map<String, String> engineOptions = new LinkedHashMap<>();

  @Mixin
  ClusterOptions cluster = new ClusterOptions();

  @Option(names = "--region", description = "Region named in ARNs. Default: ${DEFAULT-VALUE}.")
  String region = ServerConfig.DEFAULT_REGION;

  @Option(names = "--peers-file", paramLabel = "FILE",
      description = "The other regions this one replicates global tables with, one a line: REGION ENDPOINT"
          + " ACCESS_KEY_ID SEALED_SECRET (docs/global-tables.md; shaledb peers seal makes the last). Default: none.")
  @Nullable Path peersFile;

  /**
   * The longest --ttl-sweep-seconds: the same passes roll streams over and trim their records, which are readable for
   * 24 hours, so a longer interval would keep expired records in streams past that.
   */
  static final long MAX_SWEEP_SECONDS = Duration.ofDays(1).toSeconds();

  @Option(names = "--ttl-sweep-seconds", paramLabel = "SECONDS",
      description = "Seconds between sweeps of expired items (and stream maintenance), from 1 to 86400 (a day)."
          + " Default: ${DEFAULT-VALUE}.")
  long maintenanceSeconds = ServerConfig.DEFAULT_MAINTENANCE_INTERVAL.toSeconds();

  @Option(names = "--tombstone-horizon-seconds", paramLabel = "SECONDS",
      description = "How much older than every region's low watermark a global table's tombstone (a deleted item's"
          + " replication stamp) must be before it is reclaimed: a margin for clocks that step back and changes"
          + " committed late (docs/global-tables.md). At least 1. Default: ${DEFAULT-VALUE}.")
  long tombstoneHorizonSeconds = TombstoneReclamation.DEFAULTS.horizon().toSeconds();

  @Option(names = "--tombstone-rest-seconds", paramLabel = "SECONDS",
      description = "Seconds a global table rests after a sweep of its tombstones before the next. Default:"
          + " ${DEFAULT-VALUE}.")
  long tombstoneRestSeconds = TombstoneReclamation.DEFAULTS.rest().toSeconds();

  @Option(names = "--idle-timeout-seconds",
      description = "Seconds a connection without requests stays open. Default: ${DEFAULT-VALUE}.")
  long idleTimeoutSeconds = HttpLimits.DEFAULT_IDLE_TIMEOUT.toSeconds();

  @Option(names = "--max-connections", description = "Connections open at once; more are closed at once. Default:"
      + " ${DEFAULT-VALUE} (three quarters of the file-descriptor limit).")
  int maxConnections = defaultLimits.maxConnections();

  @Option(names = "--allowed-host", paramLabel = "HOST",
      description = "Repeatable. While no user exists (authentication off), requests are answered only when their"
          + " Host header names a loopback address, localhost or one of these (* allows any): a web page cannot then"
          + " reach the server through DNS rebinding.")
  Set<String> allowedHosts = new LinkedHashSet<>();

  @Option(names = "--cors-origin", paramLabel = "ORIGIN",
      description = "Repeatable. Browser origins (such as https://app.example.com; * allows any) whose scripts may"
          + " read the API's responses, besides pages from loopback addresses and the server's own origin.")
  Set<String> corsOrigins = new LinkedHashSet<>();

  @Option(names = "--insecure-no-auth",
      description = "Listen on a non-loopback address even though no user exists, so that anyone who reaches it is"
          + " served without authentication.")
  boolean insecureNoAuth;

  @Option(names = "--auth-key-file", paramLabel = "FILE",
      description = "The key file that seals access keys' secrets (default: $" + SecretSealer.KEY_FILE_VARIABLE
          + ", else ~/.shaledb/auth.key). Keep it outside the data directory.")
  @Nullable Path authKeyFile;

  @Option(names = "--encryption-key-file", paramLabel = "FILE",
      description = "Encrypt data at rest under the master key in this file (default: $" + ENCRYPTION_KEY_VARIABLE
          + "; none: data is stored in clear). Created with a new random key when missing. Keep it outside the data"
          + " directory: without it, encrypted data cannot be read.")
  @Nullable Path encryptionKeyFile;

  @Option(names = "--tls-cert", paramLabel = "FILE", description = "Serve HTTPS with this PEM certificate chain.")
  @Nullable Path tlsCertificate;

  @Option(names = "--tls-key", paramLabel = "FILE", description = "The PEM (PKCS#8) private key of --tls-cert.")
  @Nullable Path tlsKey;

  @Option(names = "--tls-client-ca", paramLabel = "FILE",
      description = "Require clients to present a certificate signed by one of these PEM CA certificates.")
  @Nullable Path tlsClientCa;

  @Option(names = "--tls-self-signed",
      description = "For development: serve HTTPS with a certificate made at start for localhost and the --host,"
          + " written to a PEM file named in the log, for clients to trust (aws --ca-bundle FILE).")
  boolean tlsSelfSigned;

  @Option(names = LogLevel.OPTION, paramLabel = "LEVEL",
      description = "Least severe log messages shown: trace, debug (adds a line per request), info, warn, error or"
          + " off. Default: info.")
  LogLevel logLevel = LogLevel.INFO;

  @Option(names = "--capacity", paramLabel = "MODE",
      description = "Throughput enforcement: off (the default: no table is ever throttled, whatever its provisioned"
          + " capacity) or enforce (tables are throttled at their provisioned or on-demand capacity as DynamoDB"
          + " throttles them). A table's tag shaledb:capacity=enforce or =off overrides it.")
  CapacityMode capacity = CapacityMode.OFF;

  /** Whether something is on (--metrics off, --console off); picocli reads it in any case. */
  enum Switch {
    ON,
    OFF
  }

  @Option(names = "--metrics", paramLabel = "on|off",
      description = "Keep metrics named after DynamoDB's CloudWatch metrics and serve them at GET /metrics in the"
          + " Prometheus text format or OpenMetrics (docs/observability.md). Default: on.")
  Switch metrics = Switch.ON;

  @Option(names = "--access-log", paramLabel = "FILE|-",
      description = "Write a line per request (time, request id, operation, table, status, error, latency) to FILE,"
          + " appended to, or to standard output with -. Default: none.")
  @Nullable String accessLog;

  @Option(names = "--log-format", paramLabel = "FORMAT",
      description = "How the access log and the failed requests' lines are written: logfmt (the default) or json.")
  LogFormat logFormat = LogFormat.LOGFMT;

  @Option(names = "--console", paramLabel = "on|off",
      description = "The web console at /console/ on this server's address: on (the default) or off. It calls the"
          + " same API as the SDKs, signed with an access key the user enters once users exist.")
  Switch console = Switch.ON;

  @Option(names = "--settable-clock",
      description = "For tests only: start the clock at the system's time and let clients on this machine move it"
          + " forward over HTTP (GET, PUT an instant or POST a duration at /shaledb/clock), to expire items and"
          + " age streams without waiting.")
  boolean settableClock;

  @Option(names = "--exit-with-parent",
      description = "Stop when the process that started the server exits, however it ends (the JUnit extension's"
          + " servers use it, so that none outlives a test run that was killed).")
  boolean exitWithParent;

  @Override
  public Integer call() throws InterruptedException {
    String engineName = engineName();
    Duration maintenanceInterval = maintenanceInterval();
    TombstoneReclamation tombstones = tombstones();
    Map<String, String> tuning = new LinkedHashMap<>(engineOptions);
    tuning.putAll(cluster.engineOptions());
    EngineOptions storage = new EngineOptions(dataDirectory.toAbsolutePath(), durability, tuning);
    ShaleDbServer server;
    try {
      server = ShaleDbServer.start(new ServerConfig(host, port, engineName, storage, region,
          maintenanceInterval,
          settableClock ? SettableClock.startingNow() : Clock.systemUTC(), defaultLimits
              .withIdleTimeout(Duration.ofSeconds(Math.max(1, idleTimeoutSeconds)))
              .withMaxConnections(Math.max(1, maxConnections)), security(), capacity,
          new Observability(metrics == Switch.ON, accessLog, logFormat), console == Switch.ON, peers(),
          tombstones));
    } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
      // An unknown engine or engine option, a port in use, a data directory another server holds or one that
      // cannot be created: the user's to fix, so the reason and no stack trace.
      LOG.error("ShaleDB cannot start: {}", e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "shaledb-shutdown"));
    if (exitWithParent) {
      // The exit runs the shutdown hook above, which closes the engine cleanly.
      ProcessHandle.current().parent().ifPresentOrElse(parent -> parent.onExit().thenRun(() -> System.exit(0)),
          () -> System.exit(0));
    }
    server.restartNeeded().thenAccept(ServeCommand::exitToBeRestarted);
    new Banner(Version.NUMBER, server.endpoint(), server.config(), server.authenticating()).lines()
        .forEach(LOG::info);
    server.selfSignedCertificate().ifPresent(certificate -> LOG.info("tls: a self-signed certificate for"
        + " development, which clients must trust, is in {}", writePem(certificate, server.port())));
    stopped.await();
    return 0;
  }

  /**
   * Halts with {@link Main#EXIT_RESTART} for the supervisor to start the server again. No graceful stop: on a node cut
   * off from its cluster the engine's stop waits for peers it cannot reach (it never ended within 10 s in the Jepsen
   * runs, docs/cluster.md), and a halt leaves what the server acknowledged as durable as a {@code kill -9} does.
   */
  private static void exitToBeRestarted(String why) {
    LOG.error("ShaleDB must be started again: {}; exiting with code {} for its supervisor to start it", why,
        Main.EXIT_RESTART);
    System.out.flush();
    System.err.flush();
    Runtime.getRuntime().halt(Main.EXIT_RESTART);
  }

  /** The peers the peers file lists, their secrets opened with the auth key file. */
  private List<PeerEndpoint> peers() {
    return peersFile == null ? List.of()
        : PeersFile.read(peersFile, SecretSealer.open(SecretSealer.keyFile(authKeyFile)));
  }

  /** The sweeps' interval, refused before anything starts when out of range. */
  private Duration maintenanceInterval() {
    if (maintenanceSeconds < 1 || maintenanceSeconds > MAX_SWEEP_SECONDS) {
      throw new ParameterException(spec.commandLine(), "--ttl-sweep-seconds must be from 1 to " + MAX_SWEEP_SECONDS
          + ", not " + maintenanceSeconds);
    }
    return Duration.ofSeconds(maintenanceSeconds);
  }

  /** The tombstone options, refused before anything starts when out of range. */
  private TombstoneReclamation tombstones() {
    if (tombstoneHorizonSeconds < 1) {
      throw new ParameterException(spec.commandLine(),
          "--tombstone-horizon-seconds must be at least 1, not " + tombstoneHorizonSeconds);
    }
    if (tombstoneRestSeconds < 0) {
      throw new ParameterException(spec.commandLine(),
          "--tombstone-rest-seconds must not be negative, not " + tombstoneRestSeconds);
    }
    return new TombstoneReclamation(Duration.ofSeconds(tombstoneHorizonSeconds),
        Duration.ofSeconds(tombstoneRestSeconds));
  }

  private ServerSecurity security() {
    boolean tls = tlsSelfSigned || tlsCertificate != null || tlsKey != null;
    return new ServerSecurity(allowedHosts, corsOrigins, insecureNoAuth, authKeyFile,
        tls ? new ServerSecurity.TlsOptions(tlsCertificate, tlsKey, tlsClientCa, tlsSelfSigned) : null,
        encryptionKeyFile());
  }

  /** The master key file named by the option, else by {@link #ENCRYPTION_KEY_VARIABLE}; null for none. */
  private @Nullable Path encryptionKeyFile() {
    if (encryptionKeyFile != null) {
      return encryptionKeyFile.toAbsolutePath();
    }
    String variable = System.getenv(ENCRYPTION_KEY_VARIABLE);
    return variable == null || variable.isBlank() ? null : Path.of(variable).toAbsolutePath();
  }

  /** Writes the self-signed certificate where clients can find it: the temporary directory, named by port. */
  private static Path writePem(X509Certificate certificate, int port) {
    Path file = Path.of(System.getProperty("java.io.tmpdir"), "shaledb-" + port + "-certificate.pem");
    try {
      Files.writeString(file, "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
    } catch (IOException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot write the self-signed certificate to " + file, e);
    }
    return file;
  }

  private String engineName() {
    if (cluster.given() && (inMemory || (engine != null && !engine.equals(ClusterOptions.ENGINE)))) {
      throw new ParameterException(spec.commandLine(), "the --cluster options need --engine " + ClusterOptions.ENGINE);
    }
    if (!inMemory) {
      String name = engine != null ? engine : cluster.given() ? ClusterOptions.ENGINE : ServerConfig.DURABLE_ENGINE;
      if (name.equals(ClusterOptions.ENGINE) && !ClusterOptions.engineOnClassPath()) {
        throw new ParameterException(spec.commandLine(), "the " + ClusterOptions.ENGINE + " engine is not in this"
            + " server's jar: a cluster node runs from the cluster jar, shale-cluster-" + Version.NUMBER
            + "-all.jar (docs/cluster.md)");
      }
      return name;
    }
    if (engine != null && !engine.equals(ServerConfig.MEMORY_ENGINE)) {
      throw new ParameterException(spec.commandLine(), "--in-memory and --engine " + engine + " contradict each other");
    }
    return ServerConfig.MEMORY_ENGINE;
  }
}
