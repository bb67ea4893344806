package io.shaledb.ignite;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.ignite.AddressProbe.Answer;
import io.shaledb.ignite.DeadPeerProbe.Peer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class DeadPeerProbeTest {
  private static final Peer N1 = new Peer(UUID.randomUUID(), "n1", "10.77.0.2", 3344);
  private static final Peer N2 = new Peer(UUID.randomUUID(), "n2", "10.77.0.3", 3344);

  /**
   * A logical topology whose members the test sets, and a physical one holding the same launches until they are
   * forgotten, recording the departures and removals handed to them.
   */
  private static final class Members implements DeadPeerProbe.Membership {
    private List<Peer> peers = List.of(N1, N2);
    private final List<Peer> connected = new ArrayList<>(List.of(N1, N2));
    private final List<Peer> departed = new ArrayList<>();
    private final List<Peer> forgotten = new ArrayList<>();
    private CompletableFuture<Void> departure = new CompletableFuture<>();

    @Override
    public List<Peer> peers() {
      return peers;
    }

    @Override
    public List<Peer> connected() {
      return List.copyOf(connected);
    }

    @Override
    public void forget(Peer peer) {
      forgotten.add(peer);
      connected.remove(peer);
    }

    @Override
    public CompletionStage<Void> depart(Peer peer) {
      departed.add(peer);
      return departure;
    }
  }

  /** Answers each peer's connections from a script, then as accepted. */
  private static final class Ports {
    private final Map<UUID, Queue<Answer>> answers = new HashMap<>();

    Ports answer(Peer peer, Answer... script) {
      answers.computeIfAbsent(peer.launch(), launch -> new ArrayDeque<>()).addAll(List.of(script));
      return this;
    }

    Answer connect(Peer peer) {
      Answer next = answers.getOrDefault(peer.launch(), new ArrayDeque<>()).poll();
      return next == null ? Answer.ACCEPTED : next;
    }
  }

  private static void rounds(DeadPeerProbe probe, int count) {
    for (int round = 0; round < count; round++) {
      probe.probe();
    }
  }

  @Test
  void refusedTwiceInARow_departsOnce_whileItsDepartureIsUnderWay() {
    Members members = new Members();
    Ports ports = new Ports().answer(N2, Answer.REFUSED, Answer.REFUSED, Answer.REFUSED, Answer.REFUSED);
    try (DeadPeerProbe probe = new DeadPeerProbe(members, ports::connect, "n0")) {
      probe.probe();
      assertThat(members.departed).isEmpty();

      probe.probe();
      assertThat(members.departed).containsExactly(N2);
      assertThat(members.forgotten).containsExactly(N2);

      rounds(probe, 2);
      assertThat(members.departed).containsExactly(N2);
      assertThat(members.forgotten).containsExactly(N2);
    }
  }

  /**
   * Another node's probe took the launch out of the logical topology first; this node's physical topology is its own,
   * so the launch is still probed here and dropped from it.
   */
  @Test
  void departedByAnotherNode_stillConnectedHere_isForgottenHere() {
    Members members = new Members();
    Ports ports = new Ports().answer(N2, Answer.REFUSED, Answer.REFUSED, Answer.REFUSED);
    try (DeadPeerProbe probe = new DeadPeerProbe(members, ports::connect, "n0")) {
      probe.probe();
      members.peers = List.of(N1);
      assertThat(probe.peers()).containsExactly(N1, N2);

      probe.probe();
      assertThat(members.forgotten).containsExactly(N2);
      assertThat(members.departed).isEmpty();

      probe.probe();
      assertThat(probe.peers()).containsExactly(N1);
      assertThat(members.forgotten).containsExactly(N2);
    }
  }

  /** A launch connected here that never was a member is a node joining: the probe leaves it alone. */
  @Test
  void connectedButNeverAMember_isNotProbed() {
    Peer joining = new Peer(UUID.randomUUID(), "n3", "10.77.0.4", 3344);
    Members members = new Members();
    members.connected.add(joining);
    Ports ports = new Ports().answer(joining, Answer.REFUSED, Answer.REFUSED, Answer.REFUSED);
    try (DeadPeerProbe probe = new DeadPeerProbe(members, ports::connect, "n0")) {
      rounds(probe, 3);

      assertThat(probe.peers()).containsExactly(N1, N2);
      assertThat(members.forgotten).isEmpty();
      assertThat(members.departed).isEmpty();
    }
  }

  @Test
  void refusalsNotInARow_orUnanswered_neverDepart() {
    Members members = new Members();
    Ports ports = new Ports()
        .answer(N1, Answer.REFUSED, Answer.ACCEPTED, Answer.REFUSED, Answer.NO_ANSWER, Answer.REFUSED)
        .answer(N2, Answer.NO_ANSWER, Answer.NO_ANSWER, Answer.NO_ANSWER, Answer.NO_ANSWER, Answer.NO_ANSWER);
    try (DeadPeerProbe probe = new DeadPeerProbe(members, ports::connect, "n0")) {
      rounds(probe, 6);

      assertThat(members.departed).isEmpty();
      assertThat(members.forgotten).isEmpty();
    }
  }

  @Test
  void newLaunchOfTheSameNode_countsItsOwnRefusals_andIsNotTakenForTheOld() {
    Peer newN2 = new Peer(UUID.randomUUID(), "n2", N2.host(), N2.port());
    Members members = new Members();
    Ports ports = new Ports().answer(N2, Answer.REFUSED).answer(newN2, Answer.REFUSED, Answer.ACCEPTED);
    try (DeadPeerProbe probe = new DeadPeerProbe(members, ports::connect, "n0")) {
      probe.probe();
      members.peers = List.of(N1, newN2);
      members.connected.remove(N2);
      members.connected.add(newN2);
      rounds(probe, 3);

      assertThat(members.departed).isEmpty();
      assertThat(members.forgotten).isEmpty();
    }
  }

  @Test
  void failedDeparture_isHandedOverAgain_whileThePortRefuses_andTheLaunchForgottenOnce() {
    Members members = new Members();
    members.departure = CompletableFuture.failedFuture(new IllegalStateException("no leader"));
    Ports ports = new Ports().answer(N1, Answer.REFUSED, Answer.REFUSED, Answer.REFUSED);
    try (DeadPeerProbe probe = new DeadPeerProbe(members, ports::connect, "n0")) {
      rounds(probe, 3);

      assertThat(members.departed).containsExactly(N1, N1);
      assertThat(members.forgotten).containsExactly(N1);
    }
  }

  @Test
  void connect_toAListeningPort_isAccepted_andToAClosedOne_refused() throws IOException {
    int closedPort;
    try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Peer peer = new Peer(UUID.randomUUID(), "n1", "127.0.0.1", listening.getLocalPort());
      assertThat(DeadPeerProbe.connect(peer)).isEqualTo(Answer.ACCEPTED);
      closedPort = listening.getLocalPort();
    }

    assertThat(DeadPeerProbe.connect(new Peer(UUID.randomUUID(), "n1", "127.0.0.1", closedPort)))
        .isEqualTo(Answer.REFUSED);
  }
}
