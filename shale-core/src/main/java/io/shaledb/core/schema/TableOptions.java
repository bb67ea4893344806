package io.shaledb.core.schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of a table that infrastructure tools set and read back and that change nothing about how its items
 * are stored or served: the table class, throughput bounds, contributor insights, Kinesis destinations and the
 * resource policy. Immutable: a change produces a new instance through the {@code with...} methods.
 *
 * @param onDemandThroughput the table's on-demand bounds, when any were ever set
 * @param warmThroughput the warm throughput asked for, when any
 * @param tableInsights the table's contributor insights, while enabled
 * @param indexInsights contributor insights by index name, while enabled
 * @param restore where the table was restored from, for a restored table
 */
public record TableOptions(
    TableClass tableClass,
    Optional<OnDemandThroughput> onDemandThroughput,
    Optional<WarmThroughput> warmThroughput,
    Optional<ContributorInsights> tableInsights,
    Map<String, ContributorInsights> indexInsights,
    List<KinesisDestination> kinesisDestinations,
    Optional<ResourcePolicy> resourcePolicy,
    Optional<RestoreSummary> restore) {

  public static final TableOptions DEFAULTS = new TableOptions(TableClass.STANDARD, Optional.empty(),
      Optional.empty(), Optional.empty(), Map.of(), List.of(), Optional.empty(), Optional.empty());

  public TableOptions {
    indexInsights = Map.copyOf(indexInsights);
    kinesisDestinations = List.copyOf(kinesisDestinations);
  }

  public TableOptions withTableClass(TableClass newClass) {
    return new TableOptions(newClass, onDemandThroughput, warmThroughput, tableInsights, indexInsights,
        kinesisDestinations, resourcePolicy, restore);
  }

  public TableOptions withOnDemandThroughput(Optional<OnDemandThroughput> bounds) {
    return new TableOptions(tableClass, bounds, warmThroughput, tableInsights, indexInsights, kinesisDestinations,
        resourcePolicy, restore);
  }

  public TableOptions withWarmThroughput(Optional<WarmThroughput> warm) {
    return new TableOptions(tableClass, onDemandThroughput, warm, tableInsights, indexInsights, kinesisDestinations,
        resourcePolicy, restore);
  }

  public TableOptions withInsights(Optional<ContributorInsights> table, Map<String, ContributorInsights> indexes) {
    return new TableOptions(tableClass, onDemandThroughput, warmThroughput, table, indexes, kinesisDestinations,
        resourcePolicy, restore);
  }

  public TableOptions withKinesisDestinations(List<KinesisDestination> destinations) {
    return new TableOptions(tableClass, onDemandThroughput, warmThroughput, tableInsights, indexInsights,
        destinations, resourcePolicy, restore);
  }

  public TableOptions withResourcePolicy(Optional<ResourcePolicy> policy) {
    return new TableOptions(tableClass, onDemandThroughput, warmThroughput, tableInsights, indexInsights,
        kinesisDestinations, policy, restore);
  }

  public TableOptions withRestore(Optional<RestoreSummary> summary) {
    return new TableOptions(tableClass, onDemandThroughput, warmThroughput, tableInsights, indexInsights,
        kinesisDestinations, resourcePolicy, summary);
  }
}
