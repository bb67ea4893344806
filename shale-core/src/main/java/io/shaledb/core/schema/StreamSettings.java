package io.shaledb.core.schema;

import java.time.Instant;

/**
 * A table's current stream: where its records live and what they hold.
 *
 * @param keyspace the storage keyspace of the stream's records; never reused
 * @param label the stream's label, its creation time as DynamoDB formats it
 */
public record StreamSettings(StreamViewType viewType, int keyspace, String label, Instant created) {}
