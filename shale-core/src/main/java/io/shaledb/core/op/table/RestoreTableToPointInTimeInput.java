package io.shaledb.core.op.table;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * RestoreTableToPointInTime's request, as decoded: any field may be null.
 *
 * @param restoreDateTime epoch seconds with a fraction, as the SDKs send timestamps
 * @param overrides the override members the request gave (BillingModeOverride, ...), by name
 */
public record RestoreTableToPointInTimeInput(@Nullable String sourceTableArn, @Nullable String sourceTableName,
    @Nullable String targetTableName, @Nullable Boolean useLatestRestorableTime,
    @Nullable BigDecimal restoreDateTime, @Nullable List<String> overrides) {}
