package io.shaledb.core.op.table;

import io.shaledb.core.schema.TableStatus;

/**
 * A TableAutoScalingDescription: the auto scaling settings of a table's replicas. ShaleDB's tables have no replicas,
 * so there are none to list.
 */
public record TableAutoScalingOutput(String tableName, TableStatus status) {}
