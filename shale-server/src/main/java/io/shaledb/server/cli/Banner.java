package io.shaledb.server.cli;

import io.shaledb.core.storage.EngineOptions;
import io.shaledb.server.ServerConfig;
import io.shaledb.server.console.Console;
import io.shaledb.server.metrics.AccessLog;
import io.shaledb.server.time.SettableClock;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a starting server says about itself, one log line each: its version and address, where its data is and what
 * a write survives, how callers are authenticated, where the console and the metrics are, and anything unusual (a
 * clock tests can move). The first line
 * names the address, which scripts and the JUnit extension read to find a random port.
 */
record Banner(String version, URI endpoint, ServerConfig config, boolean authenticating) {

  List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add("ShaleDB " + version + " listening on " + endpoint);
    EngineOptions storage = config.storage();
    lines.add(config.engine().equals(ServerConfig.MEMORY_ENGINE)
        ? "data: in memory (engine memory): nothing survives the process"
        : "data: " + storage.dataDirectory() + " (engine " + config.engine() + ", durability "
            + storage.durability().name().toLowerCase(Locale.ROOT) + ")");
    lines.add(authenticating ? "auth: every request's SigV4 signature is verified against the users' access keys"
        : "auth: off (no user exists): any access key and secret are accepted, signatures are not verified, and"
            + " only requests naming a loopback or allowed host are answered");
    lines.add("region: " + config.region());
    lines.add(config.console() ? "console: " + endpoint + Console.PATH : "console: off (--console off)");
    lines.add(config.observability().metrics() ? "metrics: " + endpoint + "/metrics (Prometheus text or OpenMetrics)"
        : "metrics: off (--metrics off)");
    String accessLog = config.observability().accessLog();
    if (accessLog != null) {
      lines.add("access log: " + (accessLog.equals(AccessLog.STANDARD_OUTPUT) ? "standard output" : accessLog)
          + " (" + config.observability().logFormat().name().toLowerCase(Locale.ROOT) + ")");
    }
    if (config.clock() instanceof SettableClock) {
      lines.add("clock: settable by tests on this machine at " + endpoint + "/shaledb/clock (--settable-clock);"
          + " not for production");
    }
    return lines;
  }
}
