package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.schema.ContributorInsights;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.ConstraintViolations;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the contributor insights operations share: their declared constraints, finding the index a request names,
 * and describing a table's or an index's setting
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeContributorInsights.html). ShaleDB
 * records the setting and collects nothing, so it describes no CloudWatch rules.
 */
final class ContributorInsightsSettings {
  private ContributorInsightsSettings() {}

  /** The table name's presence and length first, then the declared constraints the two operations share. */
  static ConstraintViolations checkDeclared(ContributorInsightsInput in) {
    TableNames.requirePresentAndLength(in.tableName());
    ConstraintViolations v = new ConstraintViolations();
    TableNames.pattern(v, "tableName", in.tableName());
    if (in.indexName() != null) {
      TableNames.declared(v, "indexName", in.indexName());
    }
    return v;
  }

  /** The setting of the table, or of its index {@code indexName}, which must exist. */
  static Optional<ContributorInsights> current(TableMetadata table, @Nullable String indexName) {
    if (indexName == null) {
      return table.options().tableInsights();
    }
    if (table.index(indexName) == null) {
      throw DynamoException.resourceNotFound("Requested resource not found: Index: " + indexName
          + " not found for table: " + table.name());
    }
    return Optional.ofNullable(table.options().indexInsights().get(indexName));
  }

  static ContributorInsightsOutput describe(String tableName, @Nullable String indexName,
      Optional<ContributorInsights> insights) {
    return new ContributorInsightsOutput(tableName, indexName, insights.isPresent() ? "ENABLED" : "DISABLED",
        insights.map(ContributorInsights::mode), insights.map(ContributorInsights::lastUpdated));
  }
}
