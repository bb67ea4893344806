package io.shaledb.ignite;

import static io.shaledb.core.storage.ClusterStatus.ReplicaState.BROKEN;
import static io.shaledb.core.storage.ClusterStatus.ReplicaState.CATCHING_UP;
import static io.shaledb.core.storage.ClusterStatus.ReplicaState.HEALTHY;
import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.storage.ClusterStatus.ReplicaState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BrokenReplicasTest {
  private static final Instant START = Instant.parse("2026-12-06T12:00:00Z");
  private static final Duration CHECK = BrokenReplicaWatch.CHECK_EVERY;

  private final BrokenReplicas decision = new BrokenReplicas("n2");

  @Test
  void check_brokenAtOneCheckOnly_decidesNothing() {
    assertThat(decision.check(partition0(HEALTHY, HEALTHY, BROKEN), 3, START)).isEmpty();
    assertThat(decision.check(partition0(HEALTHY, HEALTHY, HEALTHY), 3, START.plus(CHECK))).isEmpty();
    assertThat(decision.check(partition0(HEALTHY, HEALTHY, BROKEN), 3, START.plus(CHECK.multipliedBy(2))))
        .isEmpty();
  }

  @Test
  void check_brokenAtTwoChecksWithAHealthyMajorityElsewhere_rebuildsIt() {
    decision.check(partition0(HEALTHY, HEALTHY, BROKEN), 3, START);

    assertThat(decision.check(partition0(HEALTHY, HEALTHY, BROKEN), 3, START.plus(CHECK)))
        .containsExactly(new BrokenReplicas.Rebuild(0, 2));
  }

  @Test
  void check_oneHealthyCopyElsewhere_keepsItAndSaysWhyOnce() {
    decision.check(partition0(HEALTHY, CATCHING_UP, BROKEN), 3, START);

    assertThat(decision.check(partition0(HEALTHY, CATCHING_UP, BROKEN), 3, START.plus(CHECK)))
        .containsExactly(new BrokenReplicas.Keep(0, "the other nodes hold 1 healthy copy of its 3, fewer than a"
            + " majority (2), so this copy may hold acknowledged writes they miss"));
    assertThat(decision.check(partition0(HEALTHY, CATCHING_UP, BROKEN), 3, START.plus(CHECK.multipliedBy(2))))
        .isEmpty();
  }

  @Test
  void check_otherCopyDown_keepsIt() {
    List<BrokenReplicas.Report> reading = List.of(new BrokenReplicas.Report(0, "n0", HEALTHY),
        new BrokenReplicas.Report(0, "n2", BROKEN));
    decision.check(reading, 3, START);

    assertThat(decision.check(reading, 3, START.plus(CHECK))).singleElement()
        .isInstanceOf(BrokenReplicas.Keep.class);
  }

  @Test
  void check_keptCopyWhoseOthersHealLater_rebuildsIt() {
    decision.check(partition0(HEALTHY, BROKEN, BROKEN), 3, START);
    decision.check(partition0(HEALTHY, BROKEN, BROKEN), 3, START.plus(CHECK));

    assertThat(decision.check(partition0(HEALTHY, HEALTHY, BROKEN), 3, START.plus(CHECK.multipliedBy(2))))
        .containsExactly(new BrokenReplicas.Rebuild(0, 2));
  }

  @Test
  void check_rebuiltCopyStillBroken_isRebuiltAgainOnlyAfterItsRecoveryTime() {
    decision.check(partition0(HEALTHY, HEALTHY, BROKEN), 3, START);
    decision.check(partition0(HEALTHY, HEALTHY, BROKEN), 3, START.plus(CHECK));

    Instant beforeRecovery = START.plus(CHECK).plus(BrokenReplicas.RECOVERY).minusSeconds(1);
    assertThat(decision.check(partition0(HEALTHY, HEALTHY, BROKEN), 3, beforeRecovery)).isEmpty();
    assertThat(decision.check(partition0(HEALTHY, HEALTHY, BROKEN), 3, beforeRecovery.plusSeconds(1)))
        .containsExactly(new BrokenReplicas.Rebuild(0, 2));
  }

  @Test
  void check_anotherNodesBrokenCopy_isNotThisNodesToRebuild() {
    decision.check(partition0(BROKEN, HEALTHY, HEALTHY), 3, START);

    assertThat(decision.check(partition0(BROKEN, HEALTHY, HEALTHY), 3, START.plus(CHECK))).isEmpty();
  }

  @Test
  void check_oneCopyPerPartition_keepsTheOnlyCopy() {
    List<BrokenReplicas.Report> reading = List.of(new BrokenReplicas.Report(3, "n2", BROKEN));
    decision.check(reading, 1, START);

    assertThat(decision.check(reading, 1, START.plus(CHECK))).containsExactly(new BrokenReplicas.Keep(3,
        "the other nodes hold 0 healthy copies of its 1, fewer than a majority (1), so this copy may hold"
            + " acknowledged writes they miss"));
  }

  @Test
  void check_fiveCopies_rebuildsWithThreeHealthyElsewhere() {
    List<BrokenReplicas.Report> reading = List.of(new BrokenReplicas.Report(1, "n0", HEALTHY),
        new BrokenReplicas.Report(1, "n1", HEALTHY), new BrokenReplicas.Report(1, "n3", HEALTHY),
        new BrokenReplicas.Report(1, "n4", BROKEN), new BrokenReplicas.Report(1, "n2", BROKEN));
    decision.check(reading, 5, START);

    assertThat(decision.check(reading, 5, START.plus(CHECK))).containsExactly(new BrokenReplicas.Rebuild(1, 3));
  }

  /** Partition 0's replicas on n0, n1 and n2, this node. */
  private static List<BrokenReplicas.Report> partition0(ReplicaState n0, ReplicaState n1, ReplicaState n2) {
    return List.of(new BrokenReplicas.Report(0, "n0", n0), new BrokenReplicas.Report(0, "n1", n1),
        new BrokenReplicas.Report(0, "n2", n2));
  }
}
