package io.shaledb.core.op.table;

import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.table.ContributorInsightsInput.Action;
import io.shaledb.core.schema.ContributorInsights;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.schema.TableOptions;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.validate.Validated;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * UpdateContributorInsights: switches insights on or off for a table or one of its indexes, in one catalog change.
 * The answer says ENABLING or DISABLING, as DynamoDB's does; the change is complete at once, so
 * DescribeContributorInsights reports ENABLED or DISABLED from then on.
 */
public final class UpdateContributorInsights
    implements Operation<ContributorInsightsInput, ContributorInsightsOutput> {
  private final Database db;

  public UpdateContributorInsights(Database db) {
    this.db = db;
  }

  @Override
  public void validate(ContributorInsightsInput in) {
    ContributorInsightsSettings.checkDeclared(in)
        .notNull("contributorInsightsAction", in.action())
        .oneOf("contributorInsightsAction", in.action(), Action.values())
        .oneOf("contributorInsightsMode", in.mode(), ContributorInsights.Mode.values())
        .throwIfAny();
  }

  @Override
  public ContributorInsightsOutput execute(ContributorInsightsInput in, RequestContext context) {
    boolean enable = Validated.present(in.action()).is(Action.ENABLE);
    Instant now = db.clock().instant();
    ContributorInsights.Mode mode = Choice.valueOr(in.mode(), ContributorInsights.Mode.ACCESSED_AND_THROTTLED_KEYS);
    return db.catalog().change(change -> {
      TableMetadata table = change.table(Validated.present(in.tableName()))
          .orElseThrow(() -> Database.tableNotFound(Validated.present(in.tableName())));
      Optional<ContributorInsights> current = ContributorInsightsSettings.current(table, in.indexName());
      Optional<ContributorInsights> next = enable ? Optional.of(new ContributorInsights(mode, now)) : Optional.empty();
      TableOptions options = table.options();
      if (in.indexName() == null) {
        options = options.withInsights(next, options.indexInsights());
      } else {
        Map<String, ContributorInsights> indexes = new HashMap<>(options.indexInsights());
        String indexName = in.indexName();
        next.ifPresentOrElse(insights -> indexes.put(indexName, insights), () -> indexes.remove(indexName));
        options = options.withInsights(options.tableInsights(), indexes);
      }
      change.putTable(table.withOptions(options));
      return new ContributorInsightsOutput(table.name(), in.indexName(), enable ? "ENABLING" : "DISABLING",
          next.or(() -> current).map(ContributorInsights::mode), Optional.empty());
    });
  }
}
