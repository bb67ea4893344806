package io.shaledb.core.op.table;

import io.shaledb.core.op.table.CreateTableInput.Throughput;
import java.util.List;

/** UpdateTable's request, as decoded: any field may be null; see {@link CreateTableInput} on unsupported ones. */
public record UpdateTableInput(
    String tableName,
    String billingMode,
    Throughput provisionedThroughput,
    Boolean deletionProtectionEnabled,
    List<String> unsupportedFeatures) {}
