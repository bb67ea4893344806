package io.shaledb.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The limit on switching to on-demand. The message is the service's as an Amplify user recorded it
 * (aws-amplify/amplify-cli#1054: "... Last update at Sat Feb 23 03:07:45 UTC 2019. Next update can be made at Sun Feb
 * 24 03:07:45 UTC 2019").
 */
class BillingModeSwitchesTest {
  private static final Instant LAST = Instant.parse("2019-02-23T03:07:45Z");

  @Test
  void check_withinADayOfTheLastSwitch_isRefusedInTheServicesWords() {
    assertThatThrownBy(() -> BillingModeSwitches.check(Optional.of(LAST), Instant.parse("2019-02-24T03:07:44Z")))
        .isInstanceOfSatisfying(DynamoException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED))
        .hasMessage("Subscriber limit exceeded: Update to PayPerRequest mode are limited to once in 1 day(s). Last"
            + " update at Sat Feb 23 03:07:45 UTC 2019. Next update can be made at Sun Feb 24 03:07:45 UTC 2019");
  }

  @Test
  void check_aDayAfterTheLastSwitch_admits() {
    BillingModeSwitches.check(Optional.of(LAST), Instant.parse("2019-02-24T03:07:45Z"));
  }

  @Test
  void check_neverSwitched_admits() {
    BillingModeSwitches.check(Optional.empty(), LAST);
  }
}
