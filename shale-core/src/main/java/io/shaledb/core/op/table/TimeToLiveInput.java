package io.shaledb.core.op.table;

/** UpdateTimeToLive's request, as decoded: any field may be null. */
public record TimeToLiveInput(String tableName, Boolean enabled, String attributeName, boolean specificationPresent) {}
