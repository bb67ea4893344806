package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.ContributorInsights;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.ConstraintViolations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * ListContributorInsights: the tables and indexes with insights on, of one table or of all, by table name and then
 * index (the table first). The NextToken is the position of the next summary in that order.
 */
public final class ListContributorInsights
    implements Operation<ListContributorInsightsInput, ListContributorInsightsOutput> {
  /** The API reference's bound on MaxResults, and the page size when none is given. */
  private static final long MAX_RESULTS = 100;
  private final Database db;

  public ListContributorInsights(Database db) {
    this.db = db;
  }

  @Override
  public void validate(ListContributorInsightsInput in) {
    ConstraintViolations v = new ConstraintViolations();
    if (in.tableName() != null) {
      TableNames.declared(v, "tableName", in.tableName());
    }
    v.range("maxResults", in.maxResults(), Long.MIN_VALUE, MAX_RESULTS);
    v.throwIfAny();
  }

  @Override
  public ListContributorInsightsOutput execute(ListContributorInsightsInput in, RequestContext context) {
    List<TableMetadata> tables = in.tableName() == null ? db.catalog().list()
        : List.of(db.tableForControl(in.tableName()));
    List<ContributorInsightsOutput> all = new ArrayList<>();
    for (TableMetadata table : tables) {
      table.options().tableInsights().ifPresent(insights -> all.add(summary(table, null, insights)));
      for (Map.Entry<String, ContributorInsights> index : new TreeMap<>(table.options().indexInsights()).entrySet()) {
        all.add(summary(table, index.getKey(), index.getValue()));
      }
    }
    int start = start(in.nextToken(), all.size());
    long size = in.maxResults() == null || in.maxResults() < 1 ? MAX_RESULTS : in.maxResults();
    int end = (int) Math.min(all.size(), start + size);
    return new ListContributorInsightsOutput(all.subList(start, end),
        end < all.size() ? Integer.toString(end) : null);
  }

  private static ContributorInsightsOutput summary(TableMetadata table, @Nullable String indexName,
      ContributorInsights insights) {
    return ContributorInsightsSettings.describe(table.name(), indexName, Optional.of(insights));
  }

  private static int start(@Nullable String nextToken, int count) {
    if (nextToken == null) {
      return 0;
    }
    try {
      int start = Integer.parseInt(nextToken);
      if (start >= 0 && start <= count) {
        return start;
      }
    } catch (NumberFormatException e) {
      // falls through to the refusal below
    }
    throw DynamoException.validation("Invalid NextToken");
  }
}
