package io.shaledb.ignite;

/**
 * How a node's cluster membership decides that another node has failed: it pings each member every {@code
 * pingIntervalMillis} and declares a member that stopped answering failed after {@code suspicionMultiplier} times
 * ceil(log2 nodes) intervals without an answer (Ignite's ScaleCube membership). A faster detection shortens the
 * stall after a node stops answering, at the risk of declaring a starved node failed, which then needs a new launch
 * (docs/cluster.md, "Failover and rejoin").
 */
public record FailureDetection(int pingIntervalMillis, int suspicionMultiplier) {
  /**
   * A ping every 500 ms, suspicion after four rounds: a member silent for about 5 s is declared failed, instead of
   * Ignite's 20. A killed node does not wait for it: its port refuses connections, and the dead peer probe takes it out
   * within a second ({@link DeadPeerProbe}). What is left to this detection is a node that stopped answering without
   * closing its port (a cut network, a machine gone), which it must tell from a node that is only starved: JVM pauses
   * and a loaded machine hold a live node's answers for seconds, and a node declared failed must start again
   * (docs/cluster.md, "Failover and rejoin").
   */
  public static final FailureDetection DEFAULT = new FailureDetection(500, 4);

  public FailureDetection {
    if (pingIntervalMillis < 1 || suspicionMultiplier < 1) {
      throw new IllegalArgumentException("a failure detection needs a positive interval and multiplier");
    }
  }
}
