package io.shaledb.core.op.table;

import io.shaledb.core.schema.ContributorInsights;
import io.shaledb.core.validate.Choice;
import org.jspecify.annotations.Nullable;

/**
 * DescribeContributorInsights's and UpdateContributorInsights's request, as decoded: any field may be null; the
 * action and mode are UpdateContributorInsights's only.
 */
public record ContributorInsightsInput(@Nullable String tableName, @Nullable String indexName, @Nullable Choice<Action> action,
    @Nullable Choice<ContributorInsights.Mode> mode) {

  /** ContributorInsightsAction. */
  public enum Action {
    ENABLE,
    DISABLE
  }

  public static ContributorInsightsInput describe(@Nullable String tableName, @Nullable String indexName) {
    return new ContributorInsightsInput(tableName, indexName, null, null);
  }
}
