package io.shaledb.core.op.table;

import io.shaledb.core.schema.ContributorInsights;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The contributor insights of a table or one of its indexes, as the three operations report them.
 *
 * @param status ENABLED, DISABLED, or UpdateContributorInsights's ENABLING or DISABLING
 * @param lastUpdated when they were last switched on, while on
 */
public record ContributorInsightsOutput(String tableName, @Nullable String indexName, String status,
    Optional<ContributorInsights.Mode> mode, Optional<Instant> lastUpdated) {}
