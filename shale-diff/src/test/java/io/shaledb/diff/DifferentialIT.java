package io.shaledb.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.server.ServerConfig;
import io.shaledb.server.ShaleDbServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * ShaleDB against Amazon DynamoDB Local 3.3.1: the same random operations on both, every difference reported and
 * classified ({@link KnownDifference}); the run fails on any difference no class explains. DynamoDB Local is a second
 * opinion, not the truth: where it deviates from DynamoDB's documentation the difference is on its allow-list
 * ({@code docs/dynamodb-local-deviations.md}).
 *
 * <p>Runs only with the diff profile, which resolves DynamoDB Local from Maven Central: a few hundred operations from
 * a fixed seed. A long run, with a report of every difference in {@code shale-diff/target/diff-reports}:
 *
 * <pre>{@code
 * ./mvnw -B -Pdiff -pl shale-diff -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=DifferentialIT -Ddiff.operations=20000 -Ddiff.seed=$RANDOM
 * }</pre>
 *
 * <p>Properties: {@code diff.seed} (25), {@code diff.operations} (400), {@code diff.seconds} (the run stops after this
 * long, 1800), {@code diff.stateCheckInterval} (steps between full comparisons of the tables, 50). A difference names
 * its seed and step; the same seed with at least step + 1 operations reproduces it.
 */
class DifferentialIT {
  private static final long SEED = Long.getLong("diff.seed", 25);
  private static final int OPERATIONS = Integer.getInteger("diff.operations", 400);
  private static final Duration BUDGET = Duration.ofSeconds(Long.getLong("diff.seconds", 1800));
  private static final int STATE_CHECK_INTERVAL = Integer.getInteger("diff.stateCheckInterval", 50);

  @Test
  @EnabledIfSystemProperty(named = "diff.dynamodbLocal", matches = ".+")
  void randomOperations_onShaleDbAndDynamoDbLocal_differOnlyAsKnown() throws Exception {
    try (DynamoDbLocalProcess dynamodbLocal = DynamoDbLocalProcess.start(
            Path.of(System.getProperty("diff.dynamodbLocal")));
        ShaleDbServer shaledb = ShaleDbServer.start(ServerConfig.inMemoryOnRandomPort())) {
      Report report = new DifferentialRun(Endpoint.of("ShaleDB", shaledb.endpoint()),
          Endpoint.of("DynamoDB Local", dynamodbLocal.endpoint()), SEED, OPERATIONS, STATE_CHECK_INTERVAL, BUDGET)
          .run();
      report.write(Path.of(System.getProperty("diff.reportDirectory", "target/diff-reports")));
      System.out.println(report.summary());
      assertThat(report.agreedSuccesses()).as("operations both servers carried out, of %d", report.steps())
          .isGreaterThan(report.steps() / 4);
      assertThat(report.unexplained()).as(report.summary()).isEmpty();
    }
  }
}
