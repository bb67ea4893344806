package io.shaledb.core.op.table;

import io.shaledb.core.schema.KinesisDestination.Precision;
import io.shaledb.core.validate.Choice;

/**
 * Enable-, Disable- and UpdateKinesisStreamingDestination's request, as decoded: any field may be null;
 * {@code precision} is the ApproximateCreationDateTimePrecision of the request's configuration.
 */
public record KinesisDestinationInput(String tableName, String streamArn, Choice<Precision> precision) {}
