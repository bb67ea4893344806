package io.shaledb.core.op.table;

import org.jspecify.annotations.Nullable;

/** UpdateTimeToLive's request, as decoded: any field may be null. */
public record TimeToLiveInput(@Nullable String tableName, @Nullable Boolean enabled, @Nullable String attributeName, boolean specificationPresent) {}
