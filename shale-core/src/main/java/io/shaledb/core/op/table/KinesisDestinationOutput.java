package io.shaledb.core.op.table;

import io.shaledb.core.schema.KinesisDestination;
import org.jspecify.annotations.Nullable;

/**
 * What Enable-, Disable- and UpdateKinesisStreamingDestination answer: the destination's new status as DynamoDB
 * words it while the change is under way, and the configuration the request gave.
 */
public record KinesisDestinationOutput(String tableName, String streamArn, KinesisDestination.Status status,
    KinesisDestination.@Nullable Precision requestedPrecision) {}
