package io.shaledb.ignite;

/**
 * How the cluster spreads and copies the data: each key is hashed to one of {@code partitions} partitions, and each
 * partition is a Raft group of {@code replicas} copies on different nodes (a majority must be up to write).
 */
record ZoneSettings(int replicas, int partitions) {}
