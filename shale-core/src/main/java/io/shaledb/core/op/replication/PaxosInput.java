package io.shaledb.core.op.replication;

import org.jspecify.annotations.Nullable;

/**
 * A peer region's Paxos call, as decoded: any member may be null.
 *
 * @param key the item's key without its keyspace id
 * @param request the request in {@link io.shaledb.core.consensus.PaxosCodec}'s form
 */
public record PaxosInput(@Nullable String tableName, @Nullable String sourceRegion, byte @Nullable [] key,
    byte @Nullable [] request) {}
