package io.shaledb.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.storage.WouldBlockException.Reason;
import org.junit.jupiter.api.Test;

class NonBlockingTriesTest {
  private final NonBlockingTries tries = new NonBlockingTries();

  @Test
  void whileTriesSucceed_everyCallIsTried() {
    for (int i = 0; i < 100; i++) {
      assertThat(tries.shouldTry()).isTrue();
      tries.succeeded();
    }
  }

  @Test
  void eachTryThatWouldBlock_doublesTheStretchOfSkippedCalls_upToTheMaximum() {
    int expected = 1;
    for (int round = 0; round < 10; round++) {
      assertThat(tries.shouldTry()).isTrue();
      tries.wouldHaveBlocked(Reason.IO);
      assertThat(skippedBeforeTheNextTry()).isEqualTo(expected);
      expected = Math.min(NonBlockingTries.MAX_STRETCH, expected * 2);
    }
  }

  @Test
  void successesHalveTheStretch() {
    for (int i = 0; i < 4; i++) {
      assertThat(tries.shouldTry()).isTrue();
      tries.wouldHaveBlocked(Reason.IO);
      skippedBeforeTheNextTry();
    }
    tries.succeeded();
    tries.wouldHaveBlocked(Reason.IO);
    assertThat(skippedBeforeTheNextTry()).as("8 halved to 4, then doubled by the miss").isEqualTo(8);

    tries.succeeded();
    tries.succeeded();
    tries.succeeded();
    tries.succeeded();
    assertThat(skippedBeforeTheNextTry()).isZero();
    tries.wouldHaveBlocked(Reason.IO);
    assertThat(skippedBeforeTheNextTry()).isEqualTo(1);
  }

  @Test
  void aTableThatMostlyMisses_isTriedForAboutOneCallInTheMaximumStretch() {
    int tried = 0;
    for (int call = 0; call < 6_500; call++) {
      if (tries.shouldTry()) {
        tried++;
        if (tried % 4 == 0) {
          tries.succeeded();
        } else {
          tries.wouldHaveBlocked(Reason.IO);
        }
      }
    }
    assertThat(tried).isBetween(100, 200);
  }

  @Test
  void callsThatAlwaysWait_areNotMisses_soTheCallsAmongThemStayOnTheFastPath() {
    for (int call = 0; call < 1_000; call++) {
      assertThat(tries.shouldTry()).as("call %d", call).isTrue();
      if (call % 2 == 0) {
        tries.wouldHaveBlocked(Reason.ALWAYS); // a strongly consistent read of a table of strong consistency
      } else {
        tries.succeeded();
      }
    }
    tries.wouldHaveBlocked(Reason.IO);
    assertThat(skippedBeforeTheNextTry()).as("a miss still counts, from a stretch the others left at 0").isEqualTo(1);
  }

  /** Counts the calls skipped until one is tried (which is not counted and leaves the state as it was). */
  private int skippedBeforeTheNextTry() {
    int skipped = 0;
    while (!tries.shouldTry()) {
      skipped++;
    }
    return skipped;
  }
}
