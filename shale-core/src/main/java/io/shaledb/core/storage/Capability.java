package io.shaledb.core.storage;

/** Optional features of a storage engine. */
public enum Capability {
  /** Commits survive the process being killed and the engine being reopened on the same data. */
  DURABLE,
  /**
   * Reads, commits and clears never wait for I/O and hold no lock for long: a call costs the CPU time it runs and
   * nothing more, so a server may run calls on its network threads instead of handing each to a worker.
   */
  NON_BLOCKING,
  /**
   * Several processes open the same store at once and serve it together (the nodes of a cluster): work over the
   * shared data that one process should do for all of them, such as sweeping expired items, is coordinated between
   * them.
   */
  SHARED,
  /** The engine describes the cluster it runs on: nodes, partitions, replicas ({@link StorageEngine#clusterStatus()}). */
  CLUSTER_STATUS
}
