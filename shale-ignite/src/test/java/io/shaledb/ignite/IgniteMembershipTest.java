package io.shaledb.ignite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dead peer probe's hold on Ignite 3.1's physical topology, on two nodes in this JVM: node 0 drops node 1's launch
 * from its own physical topology as ScaleCube's failure detection would, and a second drop (ScaleCube's own event
 * coming later) changes nothing. Node 1 is alive here, so the cluster is of no use afterwards: the class has it alone.
 */
@Tag("slow")
class IgniteMembershipTest {
  @TempDir
  static Path clusterDirectory;

  private static TestCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = TestCluster.start(2, clusterDirectory);
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @Test
  void forget_aLaunchOfThePhysicalTopology_dropsItFromThisNodesOnly_andASecondTimeDoesNothing() {
    DeadPeerProbe.Membership first = IgniteMembership
        .of(cluster.node(0).server(), Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC)).orElseThrow();
    DeadPeerProbe.Membership second = IgniteMembership
        .of(cluster.node(1).server(), Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC)).orElseThrow();
    DeadPeerProbe.Peer node1 = first.connected().stream().filter(peer -> peer.name().equals("node1")).findFirst()
        .orElseThrow();
    assertThat(first.peers()).contains(node1);

    first.forget(node1);

    assertThat(first.connected()).extracting(DeadPeerProbe.Peer::launch).doesNotContain(node1.launch());
    assertThat(second.connected()).extracting(DeadPeerProbe.Peer::name).as("node 1's own view of node 0")
        .containsExactly("node0");

    first.forget(node1);

    assertThat(first.connected()).extracting(DeadPeerProbe.Peer::launch).doesNotContain(node1.launch());
  }
}
