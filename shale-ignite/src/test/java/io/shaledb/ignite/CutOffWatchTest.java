package io.shaledb.ignite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CutOffWatchTest {
  private static final long PATIENCE = CutOffWatch.PATIENCE.toNanos();
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @Test
  void aloneOfThree_forThePatience_isCutOff() {
    try (CutOffWatch watch = new CutOffWatch(() -> 0, "n2")) {
      watch.check(3, 0);
      watch.check(1, SECOND);
      watch.check(1, SECOND + PATIENCE - 1);
      assertThat(watch.cutOff().toCompletableFuture()).isNotDone();

      watch.check(1, SECOND + PATIENCE);

      assertThat(watch.cutOff().toCompletableFuture()).isCompletedWithValue("Ignite node n2 has reached 1 of the 3"
          + " nodes of its cluster for 10 s, and its cluster lets a node cut off that long in again only as a new"
          + " launch");
    }
  }

  @Test
  void majorityReachedAgain_beforeThePatience_startsTheWaitAfresh() {
    try (CutOffWatch watch = new CutOffWatch(() -> 0, "n0")) {
      watch.check(3, 0);
      watch.check(1, SECOND);
      watch.check(2, SECOND + PATIENCE - 1);
      watch.check(1, 2 * SECOND + PATIENCE);
      watch.check(1, 2 * SECOND + 2 * PATIENCE - 1);

      assertThat(watch.cutOff().toCompletableFuture()).isNotDone();
    }
  }

  @Test
  void majorityOfThree_orTheOnlyNode_isNeverCutOff() {
    try (CutOffWatch three = new CutOffWatch(() -> 0, "n0"); CutOffWatch one = new CutOffWatch(() -> 0, "solo")) {
      for (long now = 0; now <= 3 * PATIENCE; now += SECOND) {
        three.check(now == 0 ? 3 : 2, now);
        one.check(1, now);
      }

      assertThat(three.cutOff().toCompletableFuture()).isNotDone();
      assertThat(one.cutOff().toCompletableFuture()).isNotDone();
    }
  }

  @Test
  void twoOfFour_isNotAMajority() {
    try (CutOffWatch watch = new CutOffWatch(() -> 0, "n3")) {
      watch.check(4, 0);
      watch.check(2, SECOND);
      watch.check(2, SECOND + PATIENCE);

      CompletableFuture<String> cutOff = watch.cutOff().toCompletableFuture();
      assertThat(cutOff).isDone();
      assertThat(cutOff.join()).startsWith("Ignite node n3 has reached 2 of the 4 nodes");
    }
  }
}
