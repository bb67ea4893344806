package io.shaledb.core.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.op.MutableClock;
import io.shaledb.core.storage.memory.MemoryEngine;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Two servers' leases on one store, with a clock the test moves. */
class LeaseTest {
  private static final Duration TERM = Duration.ofSeconds(20);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
  private final MemoryEngine store = new MemoryEngine();
  private final Lease first = new Lease(store, "work", "first", TERM, clock);
  private final Lease second = new Lease(store, "work", "second", TERM, clock);

  @Test
  void held_freeLease_isTakenByTheFirstToAsk_andRefusedToTheOther() {
    assertThat(first.held()).isTrue();
    assertThat(second.held()).isFalse();
    assertThat(first.held()).isTrue();
  }

  @Test
  void held_afterItsHolderStopsRenewing_passesToAnotherOnceExpired() {
    assertThat(first.held()).isTrue();
    clock.advance(Duration.ofSeconds(19));
    assertThat(second.held()).isFalse();
    clock.advance(Duration.ofSeconds(2));
    assertThat(second.held()).isTrue();
    assertThat(first.held()).isFalse();
  }

  @Test
  void held_byItsHolderPastHalfItsTerm_isRenewed() {
    assertThat(first.held()).isTrue();
    clock.advance(Duration.ofSeconds(15));
    assertThat(first.held()).isTrue();
    clock.advance(Duration.ofSeconds(15));
    assertThat(second.held()).as("renewed 15 s ago for 20 s").isFalse();
    clock.advance(Duration.ofSeconds(6));
    assertThat(second.held()).isTrue();
  }
}
