package io.shaledb.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.catalog.SystemKeyspace;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.storage.Transaction;
import io.shaledb.core.storage.memory.MemoryEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The limit on switching to on-demand: four switches in a rolling 24 hours (developer guide, "Considerations when
 * switching capacity modes in DynamoDB"). The message's words are those the service used for its former once-a-day
 * rule, as an Amplify user recorded them (aws-amplify/amplify-cli#1054), with the current rule's count.
 */
class BillingModeSwitchesTest {
  private static final Instant FIRST = Instant.parse("2019-02-23T03:07:45Z");
  private static final int KEYSPACE = 7;
  private final MemoryEngine engine = new MemoryEngine();

  /** Records a switch at {@code at} in its own transaction. */
  private void switchAt(Instant at, Optional<Instant> lastSwitch) {
    try (Transaction tx = engine.begin()) {
      BillingModeSwitches.switchNow(tx, KEYSPACE, lastSwitch, at);
      tx.commit();
    }
  }

  @Test
  void switchNow_fifthWithin24Hours_isRefusedUntilTheFirstLeavesTheWindow() {
    for (int i = 0; i < 4; i++) {
      switchAt(FIRST.plus(Duration.ofHours(i)), Optional.empty());
    }

    assertThatThrownBy(() -> switchAt(FIRST.plus(Duration.ofHours(23)), Optional.empty()))
        .isInstanceOfSatisfying(DynamoException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED))
        .hasMessage("Subscriber limit exceeded: Update to PayPerRequest mode are limited to 4 times in 1 day(s). Last"
            + " update at Sat Feb 23 06:07:45 UTC 2019. Next update can be made at Sun Feb 24 03:07:45 UTC 2019");
    switchAt(FIRST.plus(Duration.ofDays(1)), Optional.empty());
    assertThatThrownBy(() -> switchAt(FIRST.plus(Duration.ofDays(1)).plusSeconds(1), Optional.empty()))
        .hasMessageEndingWith("Next update can be made at Sun Feb 24 04:07:45 UTC 2019");
  }

  @Test
  void switchNow_switchedBeforeTimesWereKept_countsTheLastUpdateAsOne() {
    for (int i = 1; i < 4; i++) {
      switchAt(FIRST.plus(Duration.ofHours(i)), Optional.of(FIRST));
    }

    assertThatThrownBy(() -> switchAt(FIRST.plus(Duration.ofHours(5)), Optional.of(FIRST)))
        .isInstanceOf(DynamoException.class);
  }

  @Test
  void within_switchesOlderThanADay_areForgotten() {
    assertThat(BillingModeSwitches.within(List.of(FIRST, FIRST.plus(Duration.ofHours(2))),
        FIRST.plus(Duration.ofDays(1)))).containsExactly(FIRST.plus(Duration.ofHours(2)));
  }

  @Test
  void switchNow_storedUnderTheTablesKeyspace_isRemovedWithIt() {
    switchAt(FIRST, Optional.empty());

    assertThat(SystemKeyspace.ownedBy(KEYSPACE)).anySatisfy(range -> assertThat(range.contains(
        SystemKeyspace.billingModeSwitches(KEYSPACE))).isTrue());
  }
}
