package io.shaledb.core.schema;

/**
 * The read and write units per second a table was asked to be ready for at once (WarmThroughput). ShaleDB has no
 * partitions to pre-warm, so it records the figures, describes them as reached, and never throttles below them.
 */
public record WarmThroughput(long readUnitsPerSecond, long writeUnitsPerSecond) {}
