/**
 * Multi-region strong consistency: per-item Paxos among the three regions of a global table (docs/global-tables.md,
 * "Multi-region strong consistency"). Ballots are {@link io.shaledb.core.replication.ReplicationStamp}s: an item's
 * committed ballot is its replication stamp. The {@link io.shaledb.core.consensus.Acceptor} keeps each item's state
 * in the storage engine's transactions; the {@link io.shaledb.core.consensus.Proposer} runs a write or a strongly
 * consistent read over a {@link io.shaledb.core.consensus.PaxosTransport}.
 */
package io.shaledb.core.consensus;
