package io.shaledb.core.consensus;

import io.shaledb.core.catalog.TableCatalog;
import io.shaledb.core.catalog.WitnessedTable;
import io.shaledb.core.consensus.PaxosRequest.ItemRequest;
import io.shaledb.core.consensus.PaxosRequest.RangeRead;
import io.shaledb.core.consensus.Proposer.Written;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.model.Bytes;
import io.shaledb.core.op.Database;
import io.shaledb.core.schema.Replication;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.Snapshot;
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
      return answer(committedValues(table.get()), table.get().keyspace(), key, request);
    }
    // The witness of the table holds no table: its acceptor keeps the committed values beside its state.
    WitnessedTable witnessed = db.catalog().witnessed(tableName)
        .filter(w -> w.replicas().contains(sourceRegion))
        .orElseThrow(() -> DynamoException.resourceNotFound("Requested resource not found: Table: " + tableName
            + " has no consensus with region " + sourceRegion));
    return answer(new WitnessedValues(witnessed), witnessed.keyspace(), key, request);
  }

  private PaxosReply answer(CommittedValues values, int keyspace, byte[] key, PaxosRequest request) {
    Acceptor acceptor = new Acceptor(chosen.transactions(), db.clock(), values);
    return switch (request) {
      case ItemRequest item -> acceptor.handle(itemKey(keyspace, key), item);
      case RangeRead range -> {
        try (Snapshot snapshot = db.storage().consistentSnapshot()) {
          yield acceptor.readRange(snapshot, keyspace, range);
        }
      }
    };
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

  @Override
  public Range readRange(TableMetadata table, KeyRange range, boolean reverse, int maxKeys, long maxBytes) {
    int keyspace = table.keyspace();
    byte[] keyspaceEnd = KeyCodec.keyspaceRange(keyspace).end();
    boolean toTheEnd = Arrays.compareUnsigned(range.end(), keyspaceEnd) >= 0;
    if (Arrays.compareUnsigned(range.start(), toTheEnd ? keyspaceEnd : range.end()) >= 0) {
      return new Range(List.of(), null); // an empty range: a page that starts where its range ends
    }
    Range chosen = proposer(table).readRange(table.name(), new RangeRead(Bytes.wrap(peerKey(range.start())),
        toTheEnd ? null : Bytes.wrap(peerKey(range.end())), reverse, maxKeys, maxBytes));
    Bytes lastRead = chosen.lastRead();
    return new Range(chosen.items().stream().map(item -> new Item(itemKey(keyspace, item.key()), item.stored()))
        .toList(), lastRead == null ? null : Bytes.wrap(itemKey(keyspace, lastRead.toByteArray())));
  }

  /**
   * Settles a key whose proposal this region accepted long ago ({@link OpenProposals}): a strong read finishes the
   * proposal if its quorum meets it still open (committing it in every region that answers, so it enters the stream),
   * and the key's open mark is removed once the proposal is decided here.
   *
   * @param itemKey the item's key in this region's keyspace of the table
   * @throws DynamoException what {@link Proposer#read} throws (fewer than two regions answered): the mark stays
   */
  public void settle(TableMetadata table, byte[] itemKey) {
    read(table, itemKey);
    new Acceptor(chosen.transactions(), db.clock(), committedValues(table)).closeIfDecided(itemKey);
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
