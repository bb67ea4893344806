package io.shaledb.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.server.ServerConfig;
import io.shaledb.server.ShaleDbServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The harness with ShaleDB on both sides, in every build (DynamoDB Local only runs with -Pdiff): two servers given
 * the same operations must answer alike, so any difference here is the harness's own (paging, normalising, state
 * comparison) or nondeterminism in ShaleDB. About half the generated requests are meant to be refused (that is where
 * engines differ), so a generator that stops reaching the success paths shows as fewer than two in five succeeding.
 */
class ShaleDbAgainstItselfIT {

  @Test
  void randomOperations_onTwoShaleDbServers_noDifference() throws Exception {
    try (ShaleDbServer one = ShaleDbServer.start(ServerConfig.inMemoryOnRandomPort());
        ShaleDbServer other = ShaleDbServer.start(ServerConfig.inMemoryOnRandomPort())) {
      Report report = new DifferentialRun(Endpoint.of("ShaleDB", one.endpoint()),
          Endpoint.of("ShaleDB again", other.endpoint()), 7, 300, 50, Duration.ofMinutes(5)).run();

      assertThat(report.steps()).isEqualTo(300);
      assertThat(report.unexplained()).as(report.summary()).isEmpty();
      assertThat(report.agreedSuccesses()).as(report.summary()).isGreaterThan(report.steps() * 2 / 5);
    }
  }
}
