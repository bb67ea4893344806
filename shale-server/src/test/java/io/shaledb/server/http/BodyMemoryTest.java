package io.shaledb.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.op.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodyMemoryTest {
  private static final long LIMIT = 1024 * 1024;
  private static final long LARGE = 200 * 1024;
  private static final long SMALL = 1024;

  private final List<String> warnings = new ArrayList<>();
  private final BodyMemory memory = new BodyMemory(LIMIT, new OccasionalWarning("full", ConnectionLimit.WARNING_INTERVAL,
      new MutableClock(Instant.EPOCH), warnings::add));

  @Test
  void tryReserve_largeBodies_fillThreeQuartersOfTheLimitAtMost() {
    assertThat(memory.tryReserve(LARGE)).isTrue();
    assertThat(memory.tryReserve(LARGE)).isTrue();
    assertThat(memory.tryReserve(LARGE)).isTrue();

    assertThat(memory.tryReserve(LARGE)).as("800 KiB would pass three quarters of 1 MiB").isFalse();
    assertThat(memory.used()).isEqualTo(3 * LARGE);
    assertThat(warnings).containsExactly("full");
  }

  @Test
  void tryReserve_smallBodies_useTheQuarterLargeOnesLeave() {
    for (int i = 0; i < 3; i++) {
      memory.tryReserve(LARGE);
    }
    long left = LIMIT - 3 * LARGE;
    for (long reserved = 0; reserved + SMALL <= left; reserved += SMALL) {
      assertThat(memory.tryReserve(SMALL)).isTrue();
    }

    assertThat(memory.tryReserve(SMALL)).isFalse();
    assertThat(memory.peak()).isLessThanOrEqualTo(LIMIT).isGreaterThan(LIMIT - SMALL);
  }

  @Test
  void release_givesRoomBack() {
    for (int i = 0; i < 3; i++) {
      memory.tryReserve(LARGE);
    }

    memory.release(LARGE);

    assertThat(memory.tryReserve(LARGE)).isTrue();
    assertThat(memory.peak()).isEqualTo(3 * LARGE);
  }

  @Test
  void tryReserve_emptyBody_fitsEvenWhenOverdrawn() {
    memory.charge(2 * LIMIT);

    assertThat(memory.tryReserve(0)).isTrue();
    assertThat(memory.tryReserve(1)).isFalse();
  }

  @Test
  void allowsCall_whileResponsesOverdrawTheLimit_isFalse() {
    memory.charge(LIMIT);
    assertThat(memory.allowsCall()).as("at the limit, not past it").isTrue();

    memory.charge(1);

    assertThat(memory.allowsCall()).isFalse();
    assertThat(warnings).containsExactly("full");
    memory.release(1);
    assertThat(memory.allowsCall()).isTrue();
  }
}
