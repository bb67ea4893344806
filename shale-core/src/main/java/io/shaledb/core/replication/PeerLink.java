package io.shaledb.core.replication;

import io.shaledb.core.schema.TableMetadata;
import java.util.List;

/**
 * The calls one region makes on a peer region (docs/global-tables.md, "The replication calls"). Implemented where
 * the network is (the server); a call that fails for any other reason than those declared throws a runtime exception
 * and is retried by its caller.
 */
public interface PeerLink {

  /**
   * Creates the replica of {@code table} in the peer; succeeds also when the peer already holds it as a replica of
   * {@code sourceRegion}.
   */
  void createReplica(TableMetadata table, String sourceRegion);

  /**
   * Applies changes made in {@code sourceRegion} to the peer's replica.
   *
   * @throws ReplicaGoneException when the peer has no replica of the table any more
   */
  void apply(String tableName, String sourceRegion, List<ReplicatedChange> changes);

  /** Deletes the peer's replica; succeeds also when it is gone already. */
  void deleteReplica(String tableName, String sourceRegion);

  /** Releases what the link holds (connections), once nothing calls it any more. */
  default void close() {}
}
