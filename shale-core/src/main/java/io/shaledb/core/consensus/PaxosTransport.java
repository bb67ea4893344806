package io.shaledb.core.consensus;

import java.util.concurrent.CompletableFuture;

/**
 * Carries a proposer's requests to the item's acceptor in a region (its own region's too) and their replies back. A
 * request that cannot be delivered, or whose reply is lost, completes exceptionally or never: the proposer waits for
 * a quorum with a time limit.
 */
public interface PaxosTransport {

  /**
   * @param table the table's name (every region resolves it to its own keyspace)
   * @param key the item's key without its keyspace id
   */
  CompletableFuture<PaxosReply> send(String region, String table, byte[] key, PaxosRequest request);
}
