package io.shaledb.core.op.table;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of ListContributorInsights: one summary per table or index with insights on, and where the next starts. */
public record ListContributorInsightsOutput(List<ContributorInsightsOutput> summaries, @Nullable String nextToken) {
  public ListContributorInsightsOutput {
    summaries = List.copyOf(summaries);
  }
}
