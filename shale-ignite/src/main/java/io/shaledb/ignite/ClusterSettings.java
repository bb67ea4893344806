package io.shaledb.ignite;

/**
 * The cluster-wide settings a new cluster starts with (they are fixed when a node initializes it). Range reads (SQL)
 * wait for a partition's safe time, which an idle partition advances only at its tick (250 ms by default, so every
 * Query would take a quarter second: 10 ms here); schema changes, which happen only when an engine first creates its
 * tables, wait 100 ms for their activation instead of 500, and the clock skew below.
 *
 * <p>A partition's primary holds a lease that the placement driver prolongs while the holder is in the topology, and a
 * new primary is chosen only once the lease has expired: after a node dies its partitions wait for failure detection
 * to drop it and then for the rest of its lease. Leases of two seconds (Ignite's minimum) instead of five take up to
 * three seconds off that wait (docs/cluster.md, "Failover and rejoin"); they are still renewed every half second.
 *
 * <p>The placement driver takes a lease for expired only once its clock has passed the lease's end by the maximum
 * clock skew, so that a holder whose clock runs behind has stopped serving by then; a request that finds no primary
 * also waits that long past its own time before it looks again. Both waits come after every lost primary, so the
 * skew is 100 ms here instead of Ignite's 500: nodes whose clocks are kept by NTP differ by a few milliseconds, and
 * Ignite warns ("Maximum allowed clock drift exceeded") when a message comes from a clock further ahead.
 *
 * @param replicationTimeoutMillis how long a request to a replica waits for its answer before it fails (Ignite's
 *     {@code replication.rpcTimeoutMillis}, at least 1,000): a request to a dead replica, and a transaction finishing
 *     on a lost primary, wait this long; 3,000 here instead of Ignite's minute
 * @param maxClockSkewMillis how far apart the nodes' clocks may be (Ignite's {@code schemaSync.maxClockSkewMillis},
 *     at least 1); it also delays each schema change, which waits for every clock to pass its activation
 */
public record ClusterSettings(int replicationTimeoutMillis, int maxClockSkewMillis) {
  public static final ClusterSettings DEFAULT = new ClusterSettings(3000, 100);

  public ClusterSettings {
    if (replicationTimeoutMillis < 1000) {
      throw new IllegalArgumentException("Ignite's replication timeout is at least 1000 ms, got "
          + replicationTimeoutMillis);
    }
    if (maxClockSkewMillis < 1) {
      throw new IllegalArgumentException("the maximum clock skew is at least 1 ms, got " + maxClockSkewMillis);
    }
  }

  /** Ignite's cluster configuration (HOCON). */
  String configuration() {
    return "ignite { system.idleSafeTimeSyncIntervalMillis: 10, "
        + "replication { rpcTimeoutMillis: " + replicationTimeoutMillis + ", leaseExpirationIntervalMillis: 2000 }, "
        + "schemaSync { delayDurationMillis: 100, maxClockSkewMillis: " + maxClockSkewMillis + " } }";
  }
}
