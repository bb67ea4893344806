package io.shaledb.core.op.table;

import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.Validated;

/** DescribeContributorInsights: whether insights are on for a table or one of its indexes. */
public final class DescribeContributorInsights
    implements Operation<ContributorInsightsInput, ContributorInsightsOutput> {
  private final Database db;

  public DescribeContributorInsights(Database db) {
    this.db = db;
  }

  @Override
  public void validate(ContributorInsightsInput in) {
    ContributorInsightsSettings.checkDeclared(in).throwIfAny();
  }

  @Override
  public ContributorInsightsOutput execute(ContributorInsightsInput in, RequestContext context) {
    TableMetadata table = db.tableForControl(Validated.present(in.tableName()));
    return ContributorInsightsSettings.describe(table.name(), in.indexName(),
        ContributorInsightsSettings.current(table, in.indexName()));
  }
}
