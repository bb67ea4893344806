package io.shaledb.core.op.table;

import org.jspecify.annotations.Nullable;

/**
 * UpdateContinuousBackups's request, as decoded: any field may be null; {@code specificationPresent} says whether
 * PointInTimeRecoverySpecification was given.
 */
public record UpdateContinuousBackupsInput(@Nullable String tableName, boolean specificationPresent,
    @Nullable Boolean pointInTimeRecoveryEnabled, @Nullable Long recoveryPeriodInDays) {}
