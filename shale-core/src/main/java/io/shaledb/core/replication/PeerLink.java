package io.shaledb.core.replication;

import io.shaledb.core.schema.TableMetadata;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * The calls one region makes on a peer region (docs/global-tables.md, "The replication calls"). Implemented where
 * the network is (the server); a call that fails for any other reason than those declared throws a runtime exception
 * and is retried by its caller.
 */
public interface PeerLink {

  /**
   * Creates the replica of {@code table} in the peer; succeeds also when the peer already holds it as a replica of
   * {@code sourceRegion}.
   *
   * @param settingsStamp the stamp of the shared settings {@code table} has, empty when none was recorded
   */
  void createReplica(TableMetadata table, String sourceRegion, Optional<ReplicationStamp> settingsStamp);

  /**
   * Tells the peer, which holds a replica of {@code table} of {@code sourceRegion}, that {@code region} holds one too
   * now, with the overrides {@code table} gives it, so it replicates its own changes there as well; succeeds also when
   * the peer knew it already.
   *
   * @throws ReplicaGoneException when the peer has no replica of the table any more
   */
  void addReplica(TableMetadata table, String sourceRegion, String region);

  /**
   * Applies changes made in {@code sourceRegion} to the peer's replica.
   *
   * @param lowWatermark the stamp before which every change {@code sourceRegion} made has been acknowledged by all
   *     its replicas ({@link io.shaledb.core.catalog.ReplicaWatermark}); empty from a backfill, or when not known
   * @throws ReplicaGoneException when the peer has no replica of the table any more
   */
  void apply(String tableName, String sourceRegion, List<ReplicatedChange> changes, OptionalLong lowWatermark);

  /**
   * Tells the peer that {@code sourceRegion} has sent all its items to the replica it created there, which opens it
   * to item requests; the peer ignores it from any other region.
   *
   * @throws ReplicaGoneException when the peer has no replica of the table any more
   */
  void filled(String tableName, String sourceRegion);

  /**
   * Brings the peer's replica to the settings replicas share as {@code table} has them (its global indexes, billing
   * mode and capacities, time to live, the replicas' overrides); succeeds also when it has them already.
   *
   * @param settingsStamp the stamp of those settings: the peer keeps its own when they are later
   * @throws ReplicaGoneException when the peer has no replica of the table any more
   */
  void updateReplica(TableMetadata table, String sourceRegion, Optional<ReplicationStamp> settingsStamp);

  /** Deletes the peer's replica; succeeds also when it is gone already. */
  void deleteReplica(String tableName, String sourceRegion);

  /**
   * Makes the peer the witness of {@code table}, a table of multi-region strong consistency of {@code sourceRegion}
   * and the replicas it names; succeeds also when the peer is its witness already.
   */
  void createWitness(TableMetadata table, String sourceRegion);

  /** Ends the peer's part as the witness of the table; succeeds also when it is not its witness any more. */
  void deleteWitness(String tableName, String sourceRegion);

  /**
   * The peer's table of that name, for the checks a global table of version 2017.11.29 makes before it joins it, or
   * empty when the peer has no such table.
   */
  Optional<PeerTable> inspect(String tableName, String sourceRegion);

  /**
   * Makes the peer's existing table of the name of {@code table} a replica of the global table of version 2017.11.29
   * that {@code table} belongs to (replicating with {@code sourceRegion} and the other regions {@code table} names);
   * succeeds also when it is one already.
   *
   * @throws io.shaledb.core.error.DynamoException the peer's refusal, in DynamoDB's words, when its table cannot join
   */
  void join(TableMetadata table, String sourceRegion);

  /**
   * Takes the peer's table out of the global table of version 2017.11.29: it stops replicating and stays as a
   * regional table; succeeds also when it is not a replica any more.
   */
  void leave(String tableName, String sourceRegion);

  /**
   * Applies the settings of a global table of version 2017.11.29 to the peer's replica (UpdateGlobalTableSettings).
   *
   * @throws io.shaledb.core.error.DynamoException the peer's refusal, in DynamoDB's words
   */
  void updateSettings(String tableName, String sourceRegion, ReplicaSettingsUpdate update);

  /**
   * Sends a consensus request on an item of {@code tableName}, a table of multi-region strong consistency, to the
   * peer's acceptor (docs/global-tables.md, "Multi-region strong consistency"), without waiting for its answer: the
   * proposer waits for the first two regions' answers with a time limit of its own.
   *
   * @param key the item's key without its keyspace id (each region has its own)
   * @param request the request in {@link io.shaledb.core.consensus.PaxosCodec}'s form, carried as it is
   * @return the peer's reply in that form; completes exceptionally when the peer refused the call or did not answer
   */
  CompletableFuture<byte[]> paxos(String tableName, String sourceRegion, byte[] key, byte[] request);

  /** Releases what the link holds (connections), once nothing calls it any more. */
  default void close() {}
}
