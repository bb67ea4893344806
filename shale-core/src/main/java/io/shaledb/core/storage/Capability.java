package io.shaledb.core.storage;

/** Optional features of a storage engine. */
public enum Capability {
  /** Commits survive the process being killed and the engine being reopened on the same data. */
  DURABLE,
  /**
   * Reads, commits and clears never wait for I/O and hold no lock for long: a call costs the CPU time it runs and
   * nothing more, so a server may run calls on its network threads instead of handing each to a worker.
   */
  NON_BLOCKING
}
