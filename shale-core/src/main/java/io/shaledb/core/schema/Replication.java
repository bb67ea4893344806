package io.shaledb.core.schema;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A table's replication to other regions (a global table, version 2019.11.21), from its first replica on.
 *
 * @param stampKeyspace the keyspace holding each item's replication stamp, beside the table's items (never reused)
 * @param since when replication began: the stamp of items written before it, which have none of their own
 * @param replicas the other regions' replicas, in the order they were added
 * @param fillingFrom the region that created this table as its replica and has not yet sent all its items, or null:
 *     until then the table is CREATING and closed to item requests, as DynamoDB keeps a new replica
 */
public record Replication(int stampKeyspace, Instant since, List<Replica> replicas, @Nullable String fillingFrom) {
  /** The version DynamoDB reports for global tables created through UpdateTable's ReplicaUpdates. */
  public static final String GLOBAL_TABLE_VERSION = "2019.11.21";

  public Replication {
    replicas = List.copyOf(replicas);
  }

  /** A replication whose table is filled (the table it began on, or a replica whose copy is complete). */
  public Replication(int stampKeyspace, Instant since, List<Replica> replicas) {
    this(stampKeyspace, since, replicas, null);
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
    return new Replication(stampKeyspace, since, next, fillingFrom);
  }

  public Replication without(String region) {
    return new Replication(stampKeyspace, since, replicas.stream().filter(r -> !r.region().equals(region)).toList(),
        fillingFrom);
  }

  /** The replication of a replica whose copy is complete. */
  public Replication filled() {
    return new Replication(stampKeyspace, since, replicas, null);
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
