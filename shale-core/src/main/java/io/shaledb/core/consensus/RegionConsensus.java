package io.shaledb.core.consensus;

import io.shaledb.core.catalog.TableCatalog;
import io.shaledb.core.catalog.WitnessedTable;
import io.shaledb.core.consensus.Proposer.Written;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.op.Database;
import io.shaledb.core.schema.Replication;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.write.ItemConsensus;
import io.shaledb.core.write.WritePipeline;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * This region's part in the consensus of its tables of multi-region strong consistency: its acceptor for each of
 * their items, reached by its own proposers and by the peer call, and the transport its proposers send over. One per
 * database; it holds nothing that must survive (the acceptors' state is in the storage engine).
 */
public final class RegionConsensus implements ItemConsensus {
  /** How long a phase of a round waits for the first two regions' answers. */
  private static final Duration PHASE_TIMEOUT = Duration.ofSeconds(2);

  private final Database db;
  /** Stages chosen values into tables; it is never asked to write anything else. */
  private final WritePipeline chosen;
  private final PaxosTransport transport;
  /**
   * One proposer per set of regions, so that this region's concurrent rounds rarely make the same ballot (a cache:
   * a proposer keeps nothing but that hint).
   */
  private final Map<List<String>, Proposer> proposers = new ConcurrentHashMap<>();

  public RegionConsensus(Database db) {
    this.db = db;
    this.chosen = new WritePipeline(db);
    this.transport = new PeerTransport(db.region(), db.peers(), this::answer);
  }

  /**
   * Answers a proposer's request on an item of the table of that name, as this region's acceptor, in one storage
   * transaction: over the table's items in a replica, over the witness's own copies in the region that witnesses the
   * table ({@link TableCatalog#witnessed}).
   *
   * @param sourceRegion the proposer's region: this one, or one of the table's other regions
   * @param key the item's key without its keyspace id
   * @throws DynamoException ResourceNotFoundException when this region has no such table of {@code sourceRegion}'s
   */
  public PaxosReply answer(String tableName, String sourceRegion, byte[] key, PaxosRequest request) {
    Optional<TableMetadata> table = db.catalog().find(tableName).filter(t -> isMember(t, sourceRegion));
    if (table.isPresent()) {
      return new Acceptor(chosen.transactions(), db.clock(), committedValues(table.get()))
          .handle(itemKey(table.get().keyspace(), key), request);
    }
    // The witness of the table holds no table: its acceptor keeps the committed values beside its state.
    WitnessedTable witnessed = db.catalog().witnessed(tableName)
        .filter(w -> w.replicas().contains(sourceRegion))
        .orElseThrow(() -> DynamoException.resourceNotFound("Requested resource not found: Table: " + tableName
            + " has no consensus with region " + sourceRegion));
    return new Acceptor(chosen.transactions(), db.clock(), new WitnessedValues(witnessed))
        .handle(itemKey(witnessed.keyspace(), key), request);
  }

  @Override
  public Chosen write(TableMetadata table, byte[] key, Change change) {
    Written written = proposer(table).write(table.name(), peerKey(key),
        current -> new ItemValue(change.apply(current.bytes())));
    return new Chosen(written.previous().bytes(), written.current().bytes());
  }

  @Override
  public byte @Nullable [] read(TableMetadata table, byte[] key) {
    return proposer(table).read(table.name(), peerKey(key)).bytes();
  }

  private Proposer proposer(TableMetadata table) {
    Replication replication = table.options().replication()
        .orElseThrow(() -> new IllegalArgumentException(table.name() + " is not replicated"));
    return proposers.computeIfAbsent(replication.consensusRegions(db.region()),
        regions -> new Proposer(db.region(), regions, transport, db.clock(), PHASE_TIMEOUT));
  }

  /** Where this region keeps the table's committed values: a replica's are its table's items. */
  private CommittedValues committedValues(TableMetadata table) {
    return new TableValues(chosen, db.catalog(), table);
  }

  private boolean isMember(TableMetadata table, String region) {
    Replication replication = table.options().replication().orElse(null);
    return replication != null && replication.strong() && replication.consensusRegions(db.region()).contains(region);
  }

  /** The key as the peer call carries it: without this region's keyspace id. */
  private static byte[] peerKey(byte[] key) {
    return Arrays.copyOfRange(key, KeyCodec.KEYSPACE_BYTES, key.length);
  }

  private static byte[] itemKey(int keyspace, byte[] key) {
    return ByteBuffer.allocate(KeyCodec.KEYSPACE_BYTES + key.length).putInt(keyspace).put(key).array();
  }
}
