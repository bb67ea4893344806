package io.shaledb.core.consensus;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.op.Database;
import io.shaledb.core.schema.Replication;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.write.WritePipeline;
import java.nio.ByteBuffer;

/**
 * This region's part in the consensus of its tables of multi-region strong consistency: its acceptor for each of
 * their items, reached by its own proposers and by the peer call, and the transport its proposers send over. One per
 * database; it holds nothing that must survive (the acceptors' state is in the storage engine).
 */
public final class RegionConsensus {
  private final Database db;
  /** Stages chosen values into tables; it is never asked to write anything else. */
  private final WritePipeline chosen;
  private final PaxosTransport transport;

  public RegionConsensus(Database db) {
    this.db = db;
    this.chosen = new WritePipeline(db);
    this.transport = new PeerTransport(db.region(), db.peers(), this::answer);
  }

  /**
   * Answers a proposer's request on an item of the table of that name, as this region's acceptor, in one storage
   * transaction.
   *
   * @param sourceRegion the proposer's region: this one, or one of the table's other regions
   * @param key the item's key without its keyspace id
   * @throws DynamoException ResourceNotFoundException when this region has no such table of {@code sourceRegion}'s
   */
  public PaxosReply answer(String tableName, String sourceRegion, byte[] key, PaxosRequest request) {
    TableMetadata table = db.catalog().find(tableName).filter(t -> isMember(t, sourceRegion))
        .orElseThrow(() -> DynamoException.resourceNotFound("Requested resource not found: Table: " + tableName
            + " has no consensus with region " + sourceRegion));
    return new Acceptor(chosen.transactions(), db.clock(), committedValues(table))
        .handle(itemKey(table.keyspace(), key), request);
  }

  /** Where this region keeps the table's committed values: a replica's are its table's items. */
  private CommittedValues committedValues(TableMetadata table) {
    return new TableValues(chosen, table);
  }

  private boolean isMember(TableMetadata table, String region) {
    Replication replication = table.options().replication().orElse(null);
    return replication != null && (region.equals(db.region()) || replication.replica(region).isPresent());
  }

  PaxosTransport transport() {
    return transport;
  }

  private static byte[] itemKey(int keyspace, byte[] key) {
    return ByteBuffer.allocate(KeyCodec.KEYSPACE_BYTES + key.length).putInt(keyspace).put(key).array();
  }
}
