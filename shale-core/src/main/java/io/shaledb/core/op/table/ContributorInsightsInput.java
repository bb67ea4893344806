package io.shaledb.core.op.table;

import io.shaledb.core.schema.ContributorInsights;
import io.shaledb.core.validate.Choice;

/**
 * DescribeContributorInsights's and UpdateContributorInsights's request, as decoded: any field may be null; the
 * action and mode are UpdateContributorInsights's only.
 */
public record ContributorInsightsInput(String tableName, String indexName, Choice<Action> action,
    Choice<ContributorInsights.Mode> mode) {

  /** ContributorInsightsAction. */
  public enum Action {
    ENABLE,
    DISABLE
  }

  public static ContributorInsightsInput describe(String tableName, String indexName) {
    return new ContributorInsightsInput(tableName, indexName, null, null);
  }
}
