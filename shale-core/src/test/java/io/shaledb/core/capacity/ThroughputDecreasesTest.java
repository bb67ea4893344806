package io.shaledb.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.schema.ProvisionedThroughput;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The daily limit on decreases. The message is the service's as the ack-api-quirks lab recorded it in October 2026
 * (DDB-TABLE-326).
 */
class ThroughputDecreasesTest {
  private static ProvisionedThroughput decreased(int today, String last) {
    return new ProvisionedThroughput(6, 10, Optional.empty(), Optional.of(Instant.parse(last)), today);
  }

  @Test
  void check_fifthDecreaseWithinTheHour_isRefusedInTheServicesWords() {
    ProvisionedThroughput current = decreased(4, "2026-10-09T00:21:34Z");

    assertThatThrownBy(() -> ThroughputDecreases.check(current, Instant.parse("2026-10-09T01:21:33Z")))
        .isInstanceOfSatisfying(DynamoException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
          assertThat(e.getMessage()).isEqualTo("Subscriber limit exceeded: Provisioned throughput decreases are"
              + " limited within a given UTC day. After the first 4 decreases, each subsequent decrease in the same"
              + " UTC day can be performed at most once every 3600 seconds. Number of decreases today: 4. Last"
              + " decrease at Friday, October 9, 2026 at 12:21:34 AM Coordinated Universal Time. Next decrease can be"
              + " made at Friday, October 9, 2026 at 1:21:34 AM Coordinated Universal Time");
        });
  }

  @Test
  void check_anHourAfterTheLastDecrease_admitsOneMore() {
    ThroughputDecreases.check(decreased(4, "2026-10-09T00:21:34Z"), Instant.parse("2026-10-09T01:21:34Z"));
  }

  @Test
  void check_fewerThanFourToday_admits() {
    ThroughputDecreases.check(decreased(3, "2026-10-09T00:21:34Z"), Instant.parse("2026-10-09T00:21:35Z"));
  }

  @Test
  void today_afterMidnightUtc_startsAgainFromZero() {
    ProvisionedThroughput current = decreased(9, "2026-10-09T23:59:00Z");

    assertThat(ThroughputDecreases.today(current, Instant.parse("2026-10-10T00:00:01Z"))).isZero();
    ThroughputDecreases.check(current, Instant.parse("2026-10-10T00:00:01Z"));
  }
}
