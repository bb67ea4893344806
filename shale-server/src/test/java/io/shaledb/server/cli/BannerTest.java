package io.shaledb.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.storage.Durability;
import io.shaledb.core.storage.EngineOptions;
import io.shaledb.server.Observability;
import io.shaledb.server.ServerConfig;
import io.shaledb.server.metrics.LogFormat;
import io.shaledb.server.time.SettableClock;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BannerTest {
  private static final URI ENDPOINT = URI.create("http://127.0.0.1:8000");

  @Test
  void lines_durableServer_sayVersionAddressDataDurabilityAndAuth() {
    ServerConfig config = ServerConfig.durableOnRandomPort(Path.of("/data/shale"))
        .withStorage(new EngineOptions(Path.of("/data/shale"), Durability.OS, Map.of()));

    assertThat(new Banner("1.2.3", ENDPOINT, config, false).lines()).containsExactly(
        "ShaleDB 1.2.3 listening on http://127.0.0.1:8000",
        "data: /data/shale (engine rocksdb, durability os)",
        "auth: off (no user exists): any access key and secret are accepted, signatures are not verified, and only"
            + " requests naming a loopback or allowed host are answered",
        "region: us-east-1",
        "console: http://127.0.0.1:8000/console/",
        "metrics: http://127.0.0.1:8000/metrics (Prometheus text or OpenMetrics)");
  }

  @Test
  void lines_consoleOff_sayItIsOff() {
    ServerConfig config = ServerConfig.inMemoryOnRandomPort().withConsole(false);

    assertThat(new Banner("1.2.3", ENDPOINT, config, false).lines()).contains("console: off (--console off)");
  }

  @Test
  void lines_metricsOffWithAccessLog_sayBoth() {
    ServerConfig config = ServerConfig.inMemoryOnRandomPort()
        .withObservability(new Observability(false, "-", LogFormat.JSON));

    assertThat(new Banner("1.2.3", ENDPOINT, config, false).lines())
        .contains("metrics: off (--metrics off)")
        .contains("access log: standard output (json)");
  }

  @Test
  void lines_serverWithUsers_sayEverySignatureIsVerified() {
    assertThat(new Banner("1.2.3", ENDPOINT, ServerConfig.inMemoryOnRandomPort(), true).lines())
        .contains("auth: every request's SigV4 signature is verified against the users' access keys");
  }

  @Test
  void lines_inMemoryWithSettableClock_sayBoth() {
    ServerConfig config = ServerConfig.inMemoryOnRandomPort().withClock(SettableClock.startingNow());

    assertThat(new Banner("1.2.3", ENDPOINT, config, false).lines())
        .contains("data: in memory (engine memory): nothing survives the process")
        .contains("clock: settable by tests on this machine at http://127.0.0.1:8000/shaledb/clock"
            + " (--settable-clock); not for production");
  }

  @Test
  void version_isTheBuilds() {
    assertThat(Version.NUMBER).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }
}
