package io.shaledb.core.storage;

/** Optional features of a storage engine. */
public enum Capability {
  /** Commits survive the process being killed and the engine being reopened on the same data. */
  DURABLE
}
