package io.shaledb.core.op.table;

import org.jspecify.annotations.Nullable;

/** ListContributorInsights's request, as decoded: any field may be null. */
public record ListContributorInsightsInput(@Nullable String tableName, @Nullable String nextToken, @Nullable Long maxResults) {}
