package io.shaledb.ignite;

import io.shaledb.ignite.AddressProbe.Answer;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Hands Ignite the departure of a peer whose process is gone, as soon as its cluster port refuses connections, instead
 * of after the failure detection's two to four seconds of missed pings (docs/cluster.md, "Failover and rejoin").
 *
 * <p>After a {@code kill -9} the kernel answers every connection to the dead process's port with a refusal at once,
 * while the membership keeps pinging and suspecting it; and the lost node's partitions get new primaries only once it
 * has left the logical topology and its leases have expired. A refusal is certain evidence where a missed ping is not:
 * no one listens on the port, whereas a paused or starved node still holds its port and lets the kernel accept for it,
 * and a cut network drops packets or fails the route (neither is a refusal). Every {@link #EVERY} the probe connects
 * to each other member of the logical topology at its cluster address; a launch refused {@link #REFUSALS} times in a
 * row (a port not yet bound again by a new launch, not a passing fault) leaves the logical topology, which is what
 * Ignite itself does to an old launch when a new one of the same name joins. The removal names the launch, so a new
 * launch of the node joins as always. A launch removed while alive costs availability, never safety: leases and Raft
 * still keep one primary and one history, as when the failure detection declares a starved node failed.
 *
 * <p>The same verdict also drops the launch from this node's own physical topology, which is what the failure
 * detection would do later, and what Ignite's transactions wait for: a lock held by a transaction the dead launch
 * coordinated is released only once the coordinator has left the physical topology of the node holding the lock. The
 * logical removal is one command for the whole cluster, and may come from another node's probe first; the physical
 * topology is each node's own, so a launch that has left the logical topology is still probed while it stays in this
 * node's physical one. A launch that never was a member (a node joining) is not probed.
 */
final class DeadPeerProbe implements AutoCloseable {
  /** How often each peer is probed. */
  static final Duration EVERY = Duration.ofMillis(200);
  /** Refusals in a row that show a launch gone. */
  static final int REFUSALS = 2;
  /**
   * How long a connection may take: a refusal comes back within a round trip, and a wait this short ends long before
   * the kernel gives up on an unanswered connection (which it reports as a {@link ConnectException} too).
   */
  static final Duration CONNECT_TIMEOUT = Duration.ofMillis(200);
  private static final System.Logger LOG = System.getLogger(DeadPeerProbe.class.getName());

  /** Another member of the logical topology: one launch of a node, at its cluster address. */
  record Peer(UUID launch, String name, String host, int port) {}

  /** This node's view of the logical and physical topologies and the ways to take a launch out of each. */
  interface Membership {
    /** The other members of the logical topology, as this node last learned them. */
    List<Peer> peers();

    /** The other launches in this node's physical topology; none when this node cannot drop one from it. */
    List<Peer> connected();

    /**
     * Drops the launch from this node's physical topology, as the failure detection does for a member it declares
     * dead; done at once, on this node only.
     */
    void forget(Peer peer);

    /** Removes the launch from the cluster's logical topology; completes once the cluster has applied it. */
    CompletionStage<Void> depart(Peer peer);
  }

  private final Membership membership;
  private final Function<Peer, Answer> connect;
  private final String name;
  private final ScheduledExecutorService timer;
  private final Map<UUID, Integer> refusals = new HashMap<>();
  private final Map<UUID, CompletableFuture<Void>> departures = new HashMap<>();
  /** Launches seen in the logical topology: only they are probed once they have left it. */
  private final Set<UUID> members = ConcurrentHashMap.newKeySet();

  /** A probe of {@code membership}'s peers through {@code connect}, not yet probing. */
  DeadPeerProbe(Membership membership, Function<Peer, Answer> connect, String name) {
    this.membership = membership;
    this.connect = connect;
    this.name = name;
    this.timer = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().name("ignite-dead-peer-probe-" + name).daemon().factory());
  }

  /** Probes the peers of the node named {@code name} every {@link #EVERY} by TCP connections. */
  static DeadPeerProbe start(Membership membership, String name) {
    DeadPeerProbe probe = new DeadPeerProbe(membership, DeadPeerProbe::connect, name);
    probe.timer.scheduleWithFixedDelay(probe::probeSafely, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    return probe;
  }

  private void probeSafely() {
    try {
      probe();
    } catch (RuntimeException e) {
      // A node stopping or not yet joined answers with an exception; the next round looks again.
      LOG.log(System.Logger.Level.DEBUG, "the dead peer probe failed", e);
    }
  }

  /**
   * One round: connects to every peer, and hands over the departure of a launch refused often enough, from this node's
   * physical topology and from the logical one, whichever still holds it.
   */
  void probe() {
    List<Peer> logical = membership.peers();
    Set<UUID> inLogical = launches(logical);
    members.addAll(inLogical);
    List<Peer> connected = membership.connected();
    Set<UUID> inPhysical = launches(connected);
    List<Peer> peers = peers(logical, connected);
    Set<UUID> probed = launches(peers);
    members.retainAll(probed);
    refusals.keySet().retainAll(probed);
    departures.keySet().retainAll(inLogical);
    for (Peer peer : peers) {
      if (connect.apply(peer) != Answer.REFUSED) {
        refusals.remove(peer.launch());
        continue;
      }
      int refused = refusals.merge(peer.launch(), 1, Integer::sum);
      boolean forget = inPhysical.contains(peer.launch());
      boolean depart = inLogical.contains(peer.launch()) && !departing(peer);
      if (refused < REFUSALS || !(forget || depart)) {
        continue;
      }
      LOG.log(System.Logger.Level.WARNING, "Ignite node {0}: node {1} (launch {2}) refused {3} connections in a row"
          + " at {4}:{5,number,#}, so its process is gone; it leaves {6} now rather than after the failure detection",
          name, peer.name(), peer.launch(), refused, peer.host(), peer.port(),
          forget && depart ? "this node's physical topology and the logical topology"
              : forget ? "this node's physical topology" : "the logical topology");
      if (forget) {
        membership.forget(peer);
      }
      if (depart) {
        CompletableFuture<Void> departure = membership.depart(peer).toCompletableFuture();
        departures.put(peer.launch(), departure);
        departure.whenComplete((done, failure) -> {
          if (failure != null) {
            LOG.log(System.Logger.Level.INFO, "Ignite node {0}: the departure of node {1} (launch {2}) failed, and is"
                + " handed over again while its port refuses", name, peer.name(), peer.launch(), failure);
          }
        });
      }
    }
  }

  /** The peers the probe connects to in its next round. */
  List<Peer> peers() {
    return peers(membership.peers(), membership.connected());
  }

  /** The other launches in this node's physical topology that the probe could drop from it. */
  List<Peer> connected() {
    return membership.connected();
  }

  /** The logical topology's other members, and the launches still connected here that were members. */
  private List<Peer> peers(List<Peer> logical, List<Peer> connected) {
    Map<UUID, Peer> peers = new LinkedHashMap<>();
    logical.forEach(peer -> peers.put(peer.launch(), peer));
    connected.stream().filter(peer -> members.contains(peer.launch()))
        .forEach(peer -> peers.putIfAbsent(peer.launch(), peer));
    return List.copyOf(peers.values());
  }

  private static Set<UUID> launches(List<Peer> peers) {
    return peers.stream().map(Peer::launch).collect(Collectors.toSet());
  }

  /** Whether the launch's departure was handed over and has not failed; one that failed is handed over again. */
  private boolean departing(Peer peer) {
    CompletableFuture<Void> departure = departures.get(peer.launch());
    return departure != null && !departure.isCompletedExceptionally();
  }

  /** Connects to the peer's cluster port and closes the connection at once. */
  static Answer connect(Peer peer) {
    return AddressProbe.answer(new InetSocketAddress(peer.host(), peer.port()), CONNECT_TIMEOUT);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
