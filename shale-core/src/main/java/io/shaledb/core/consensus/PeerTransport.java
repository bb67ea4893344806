package io.shaledb.core.consensus;

import io.shaledb.core.replication.PeerLink;
import io.shaledb.core.replication.Peers;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Carries a region's consensus requests: to a peer over its {@link PeerLink} (the peer call
 * {@code ShaleDBReplication_20261205.Paxos}), to its own region's acceptor at once, without HTTP.
 */
final class PeerTransport implements PaxosTransport {
  /** This region's acceptors, by table name. */
  @FunctionalInterface
  interface LocalAcceptors {
    PaxosReply answer(String tableName, String sourceRegion, byte[] key, PaxosRequest request);
  }

  private final String self;
  private final Peers peers;
  private final LocalAcceptors local;

  PeerTransport(String self, Peers peers, LocalAcceptors local) {
    this.self = self;
    this.peers = peers;
    this.local = local;
  }

  @Override
  public CompletableFuture<PaxosReply> send(String region, String table, byte[] key, PaxosRequest request) {
    if (region.equals(self)) {
      try {
        return CompletableFuture.completedFuture(local.answer(table, self, key, request));
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }
    Optional<PeerLink> link = peers.link(region);
    if (link.isEmpty()) {
      return CompletableFuture.failedFuture(new IllegalStateException("region " + region + " of table " + table
          + " is none of this region's peers (" + peers.names() + ")"));
    }
    return link.get().paxos(table, self, key, PaxosCodec.encode(request)).thenApply(PaxosCodec::decodeReply);
  }
}
