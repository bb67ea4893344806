package io.shaledb.core.op.table;

import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.schema.TableStatus;
import io.shaledb.core.stream.StreamDescriptor;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A table as CreateTable, DescribeTable, UpdateTable and DeleteTable report it, with live statistics for the
 * table and each index (by index name), the newest stream the table had (null when none), and the ARN of the master
 * key its data is encrypted under at rest (null when the server stores data in clear), and how far the backfill of
 * each replica being created got, in percent, by region.
 */
public record TableDescription(
    TableMetadata table,
    TableStatus status,
    String tableArn,
    long itemCount,
    long tableSizeBytes,
    Map<String, Long> indexItemCounts,
    Map<String, Long> indexSizeBytes,
    @Nullable StreamDescriptor latestStream,
    @Nullable String encryptionKeyArn,
    Map<String, Integer> replicaPercentProgress) {}
