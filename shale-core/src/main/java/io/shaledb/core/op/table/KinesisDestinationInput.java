package io.shaledb.core.op.table;

import io.shaledb.core.schema.KinesisDestination.Precision;
import io.shaledb.core.validate.Choice;
import org.jspecify.annotations.Nullable;

/**
 * Enable-, Disable- and UpdateKinesisStreamingDestination's request, as decoded: any field may be null;
 * {@code precision} is the ApproximateCreationDateTimePrecision of the request's configuration.
 */
public record KinesisDestinationInput(@Nullable String tableName, @Nullable String streamArn, @Nullable Choice<Precision> precision) {}
