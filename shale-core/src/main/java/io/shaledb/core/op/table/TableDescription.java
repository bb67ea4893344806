package io.shaledb.core.op.table;

import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.schema.TableStatus;

/** A table as CreateTable, DescribeTable, UpdateTable and DeleteTable report it. */
public record TableDescription(
    TableMetadata table, TableStatus status, String tableArn, long itemCount, long tableSizeBytes) {}
