package io.shaledb.ignite;

/**
 * How a node's cluster membership decides that another node has failed: it pings each member every {@code
 * pingIntervalMillis} and declares a member that stopped answering failed after {@code suspicionMultiplier} times
 * ceil(log2 nodes) intervals without an answer (Ignite's ScaleCube membership). A faster detection shortens the
 * stall after a node dies, at the risk of declaring a starved node failed, which then needs a new launch
 * (docs/cluster.md, "Failover and rejoin").
 */
public record FailureDetection(int pingIntervalMillis, int suspicionMultiplier) {
  /** A ping every 500 ms, suspicion after two rounds: about 3 s to fail over after a kill instead of Ignite's 20. */
  public static final FailureDetection DEFAULT = new FailureDetection(500, 2);

  public FailureDetection {
    if (pingIntervalMillis < 1 || suspicionMultiplier < 1) {
      throw new IllegalArgumentException("a failure detection needs a positive interval and multiplier");
    }
  }
}
