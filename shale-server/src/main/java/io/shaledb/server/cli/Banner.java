package io.shaledb.server.cli;

import io.shaledb.core.storage.EngineOptions;
import io.shaledb.server.ServerConfig;
import io.shaledb.server.time.SettableClock;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a starting server says about itself, one log line each: its version and address, where its data is and what
 * a write survives, how callers are authenticated, and anything unusual (a clock tests can move). The first line
 * names the address, which scripts and the JUnit extension read to find a random port.
 */
record Banner(String version, URI endpoint, ServerConfig config) {

  List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add("ShaleDB " + version + " listening on " + endpoint);
    EngineOptions storage = config.storage();
    lines.add(config.engine().equals(ServerConfig.MEMORY_ENGINE)
        ? "data: in memory (engine memory): nothing survives the process"
        : "data: " + storage.dataDirectory() + " (engine " + config.engine() + ", durability "
            + storage.durability().name().toLowerCase(Locale.ROOT) + ")");
    lines.add("auth: any access key and secret are accepted; signatures are not verified");
    lines.add("region: " + config.region());
    if (config.clock() instanceof SettableClock) {
      lines.add("clock: settable by tests on this machine at " + endpoint + "/shaledb/clock (--settable-clock);"
          + " not for production");
    }
    return lines;
  }
}
