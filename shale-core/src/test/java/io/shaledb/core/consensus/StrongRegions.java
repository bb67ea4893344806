package io.shaledb.core.consensus;

import io.shaledb.core.capacity.CapacityMode;
import io.shaledb.core.consensus.PaxosRequest.Prepare;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.TestTables;
import io.shaledb.core.op.table.CreateTable;
import io.shaledb.core.op.table.CreateTableInput;
import io.shaledb.core.op.table.CreateTableInput.AttributeDefinition;
import io.shaledb.core.op.table.CreateTableInput.KeySchemaElement;
import io.shaledb.core.op.table.CreateTableInput.StreamSpecification;
import io.shaledb.core.replication.PeerLink;
import io.shaledb.core.replication.Peers;
import io.shaledb.core.replication.ReplicationStamp;
import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.KeyType;
import io.shaledb.core.schema.MultiRegionConsistency;
import io.shaledb.core.schema.Replica;
import io.shaledb.core.schema.Replication;
import io.shaledb.core.schema.ScalarType;
import io.shaledb.core.schema.StreamViewType;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.write.WritePipeline;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Three regions in one JVM, each a {@link Database} over its own memory engine with its {@link RegionConsensus}, their
 * peer links calling each other's consensus directly (through the message codec, as the peer call does). A region
 * can be cut off (every request to it fails) or contended (another proposer of its region prepares every item just
 * above each ballot that reaches it, so those ballots are refused).
 */
final class StrongRegions implements AutoCloseable {
  static final List<String> REGIONS = List.of("eu-west-1", "us-east-1", "us-west-2");

  private final Map<String, Database> databases = new LinkedHashMap<>();
  private final Map<String, RegionConsensus> consensus = new ConcurrentHashMap<>();
  private final Set<String> down = ConcurrentHashMap.newKeySet();
  private final Set<String> contended = ConcurrentHashMap.newKeySet();

  private final AtomicInteger requests = new AtomicInteger();

  StrongRegions() {
    this(Clock.systemUTC());
  }

  /** @param clock every region's clock */
  StrongRegions(Clock clock) {
    for (String region : REGIONS) {
      Map<String, PeerLink> links = new LinkedHashMap<>();
      REGIONS.stream().filter(other -> !other.equals(region)).forEach(other -> links.put(other, link(other)));
      Database db = new Database(new MemoryEngine(), clock, region, CapacityMode.OFF, new Peers(links));
      databases.put(region, db);
      consensus.put(region, new RegionConsensus(db));
    }
  }

  /** Creates the table {@code orders} (keyed by {@code id}, a global index on {@code g}) in every region, STRONG. */
  void createStrongTable() {
    for (String region : REGIONS) {
      new TestTables(db(region)).create("orders", true, false, true);
      makeStrong(region, "orders");
    }
  }

  /** Creates the table {@code events} (keyed by {@code id} and the sort key {@code rk}) in every region, STRONG. */
  void createStrongSortedTable() {
    for (String region : REGIONS) {
      new CreateTable(db(region)).execute(new CreateTableInput("events",
          List.of(new AttributeDefinition("id", Choice.of(ScalarType.S)),
              new AttributeDefinition("rk", Choice.of(ScalarType.N))),
          List.of(new KeySchemaElement("id", Choice.of(KeyType.HASH)),
              new KeySchemaElement("rk", Choice.of(KeyType.RANGE))),
          Choice.of(BillingMode.PAY_PER_REQUEST), null, List.of(), null, null, null,
          new StreamSpecification(true, Choice.of(StreamViewType.NEW_AND_OLD_IMAGES)), List.of()),
          Requests.request());
      makeStrong(region, "events");
    }
  }

  private void makeStrong(String region, String name) {
    Database db = databases.get(region);
    db.catalog().change(change -> {
      TableMetadata table = change.table(name).orElseThrow();
      List<Replica> replicas = REGIONS.stream().filter(other -> !other.equals(region))
          .map(other -> new Replica(other, Replica.ReplicaStatus.ACTIVE)).toList();
      Replication replication = new Replication(change.allocateKeyspaces(1), db.clock().instant(), replicas)
          .withConsistency(MultiRegionConsistency.STRONG, Optional.empty());
      change.putTable(table.withOptions(table.options().withReplication(Optional.of(replication))));
      return null;
    });
  }

  Database db(String region) {
    return databases.get(region);
  }

  RegionConsensus consensus(String region) {
    return consensus.get(region);
  }

  WritePipeline writes(String region) {
    return new WritePipeline(db(region), consensus(region));
  }

  /** How many consensus requests the regions sent each other so far (a region's requests to itself are not counted). */
  int requests() {
    return requests.get();
  }

  void down(String region) {
    down.add(region);
  }

  void contend(String region) {
    contended.add(region);
  }

  /** A link whose Paxos calls reach {@code target}'s consensus; its replication calls do nothing. */
  private PeerLink link(String target) {
    return (PeerLink) Proxy.newProxyInstance(PeerLink.class.getClassLoader(), new Class<?>[] {PeerLink.class},
        (proxy, method, args) -> {
          if (method.getName().equals("paxos")) {
            return paxos(target, (String) args[0], (String) args[1], (byte[]) args[2], (byte[]) args[3]);
          }
          if (method.getReturnType() == void.class) {
            return null; // the asynchronous replication, which these tests leave to the consensus
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }

  private CompletableFuture<byte[]> paxos(String target, String table, String source, byte[] key, byte[] request) {
    requests.incrementAndGet();
    if (down.contains(target)) {
      return CompletableFuture.failedFuture(new IllegalStateException(target + " does not answer"));
    }
    RegionConsensus acceptor = consensus.get(target);
    PaxosRequest decoded = PaxosCodec.decodeRequest(request);
    if (contended.contains(target) && decoded instanceof Prepare(ReplicationStamp ballot)) {
      acceptor.answer(table, target, key, new Prepare(new ReplicationStamp(ballot.millis() + 1, target)));
    }
    try {
      return CompletableFuture.completedFuture(PaxosCodec.encode(acceptor.answer(table, source, key, decoded)));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public void close() {
    databases.values().forEach(Database::close);
  }
}
