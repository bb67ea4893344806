package io.shaledb.core.schema;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A table's replication to other regions (a global table, version 2019.11.21), from its first replica on.
 *
 * @param stampKeyspace the keyspace holding each item's replication stamp, beside the table's items (never reused)
 * @param since when replication began: the stamp of items written before it, which have none of their own
 * @param replicas the other regions' replicas, in the order they were added
 */
public record Replication(int stampKeyspace, Instant since, List<Replica> replicas) {
  /** The version DynamoDB reports for global tables created through UpdateTable's ReplicaUpdates. */
  public static final String GLOBAL_TABLE_VERSION = "2019.11.21";

  public Replication {
    replicas = List.copyOf(replicas);
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
    return new Replication(stampKeyspace, since, next);
  }

  public Replication without(String region) {
    return new Replication(stampKeyspace, since, replicas.stream().filter(r -> !r.region().equals(region)).toList());
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
