package io.shaledb.core.schema;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A table's replication to other regions (a global table, version 2019.11.21), from its first replica on.
 *
 * @param stampKeyspace the keyspace holding each item's replication stamp, beside the table's items (never reused)
 * @param since when replication began: the stamp of items written before it, which have none of their own
 * @param replicas the other regions' replicas, in the order they were added
 * @param fillingFrom the region that created this table as its replica and has not yet sent all its items, or null:
 *     until then the table is CREATING and closed to item requests, as DynamoDB keeps a new replica
 * @param version how the table became global; a 2017.11.29 table stays one (a global table of its name) even when
 *     no other region is left in its replication group
 * @param overrides the settings this region's replica keeps of its own (set by a ReplicaUpdates Create or Update
 *     in another region); the table's settings have them applied already, and a change of the shared settings
 *     arriving from another region leaves them as they are
 * @param consistency how the replicas agree, chosen when the global table was made: STRONG makes the table, its
 *     replicas and its witness the three regions of every item's consensus
 * @param witness the witness region of a table of STRONG consistency that has two replicas and a witness
 */
public record Replication(int stampKeyspace, Instant since, List<Replica> replicas, @Nullable String fillingFrom,
    GlobalTableVersion version, ReplicaOverrides overrides, MultiRegionConsistency consistency,
    Optional<Witness> witness) {

  public Replication {
    replicas = List.copyOf(replicas);
  }

  /** A replication of eventual consistency. */
  public Replication(int stampKeyspace, Instant since, List<Replica> replicas, @Nullable String fillingFrom,
      GlobalTableVersion version, ReplicaOverrides overrides) {
    this(stampKeyspace, since, replicas, fillingFrom, version, overrides, MultiRegionConsistency.EVENTUAL,
        Optional.empty());
  }

  /** A replication of this region's replica without overrides. */
  public Replication(int stampKeyspace, Instant since, List<Replica> replicas, @Nullable String fillingFrom,
      GlobalTableVersion version) {
    this(stampKeyspace, since, replicas, fillingFrom, version, ReplicaOverrides.NONE);
  }

  /** A replication of version 2019.11.21. */
  public Replication(int stampKeyspace, Instant since, List<Replica> replicas, @Nullable String fillingFrom) {
    this(stampKeyspace, since, replicas, fillingFrom, GlobalTableVersion.V2019_11_21);
  }

  /** A replication of version 2019.11.21 whose table is filled (the table it began on, or a complete replica). */
  public Replication(int stampKeyspace, Instant since, List<Replica> replicas) {
    this(stampKeyspace, since, replicas, null);
  }

  /** Whether the table is a global table of version 2017.11.29, which the legacy operations address by name. */
  public boolean legacy() {
    return version == GlobalTableVersion.V2017_11_29;
  }

  public Optional<Replica> replica(String region) {
    return replicas.stream().filter(r -> r.region().equals(region)).findFirst();
  }

  /** With {@code replica} replacing the one of its region, or added after the others. */
  public Replication with(Replica replica) {
    List<Replica> next = new ArrayList<>(replicas);
    next.removeIf(r -> r.region().equals(replica.region()));
    int at = indexOf(replica.region());
    next.add(at < 0 ? next.size() : at, replica);
    return new Replication(stampKeyspace, since, next, fillingFrom, version, overrides, consistency, witness);
  }

  public Replication without(String region) {
    return new Replication(stampKeyspace, since, replicas.stream().filter(r -> !r.region().equals(region)).toList(),
        fillingFrom, version, overrides, consistency, witness);
  }

  /**
   * The replication of a table taken out of its global table: no replicas, of version 2019.11.21 and eventual
   * consistency, which makes it a regional table that keeps its stamps (as one whose last replica was deleted).
   */
  public Replication leftGlobalTable() {
    return new Replication(stampKeyspace, since, List.of(), fillingFrom, GlobalTableVersion.V2019_11_21, overrides);
  }

  /** The replication of a replica whose copy is complete. */
  public Replication filled() {
    return new Replication(stampKeyspace, since, replicas, null, version, overrides, consistency, witness);
  }

  /** With these replicas in place of the current ones (their statuses or overrides changed). */
  public Replication withReplicas(List<Replica> newReplicas) {
    return new Replication(stampKeyspace, since, newReplicas, fillingFrom, version, overrides, consistency, witness);
  }

  public Replication withOverrides(ReplicaOverrides newOverrides) {
    return new Replication(stampKeyspace, since, replicas, fillingFrom, version, newOverrides, consistency, witness);
  }

  /** With this consistency and witness (a global table of multi-region strong consistency being made). */
  public Replication withConsistency(MultiRegionConsistency newConsistency, Optional<Witness> newWitness) {
    return new Replication(stampKeyspace, since, replicas, fillingFrom, version, overrides, newConsistency,
        newWitness);
  }

  /** Whether every write and strongly consistent read goes through the consensus of the table's three regions. */
  public boolean strong() {
    return consistency == MultiRegionConsistency.STRONG;
  }

  /**
   * The regions of every item's consensus: {@code self}, the replicas' and the witness's, sorted by name, so that
   * every region of the table computes the same list.
   */
  public List<String> consensusRegions(String self) {
    return Stream.concat(Stream.concat(Stream.of(self), replicas.stream().map(Replica::region)),
        witness.stream().map(Witness::region)).distinct().sorted().toList();
  }

  private int indexOf(String region) {
    for (int i = 0; i < replicas.size(); i++) {
      if (replicas.get(i).region().equals(region)) {
        return i;
      }
    }
    return -1;
  }
}
