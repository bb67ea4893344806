package io.shaledb.core.op.table;

/** ListContributorInsights's request, as decoded: any field may be null. */
public record ListContributorInsightsInput(String tableName, String nextToken, Long maxResults) {}
