package io.shaledb.core.op.table;

/**
 * UpdateContinuousBackups's request, as decoded: any field may be null; {@code specificationPresent} says whether
 * PointInTimeRecoverySpecification was given.
 */
public record UpdateContinuousBackupsInput(String tableName, boolean specificationPresent,
    Boolean pointInTimeRecoveryEnabled, Long recoveryPeriodInDays) {}
