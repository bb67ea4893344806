package io.shaledb.core.schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of a table that infrastructure tools set and read back. The table class, warm throughput, contributor
 * insights, Kinesis destinations and the resource policy change nothing about how its items are stored or served; the
 * on-demand bounds cap its throughput where capacity is enforced; a restore in progress keeps its items from being
 * served until the copy is complete; point-in-time recovery makes every write also keep the item's previous version.
 * Immutable: a change produces a new instance through the {@code with...} methods.
 *
 * @param onDemandThroughput the table's on-demand bounds, when any were ever set
 * @param warmThroughput the warm throughput asked for, when any
 * @param tableInsights the table's contributor insights, while enabled
 * @param indexInsights contributor insights by index name, while enabled
 * @param restore where the table was restored from, for a restored table
 * @param pointInTimeRecovery the table's recovery settings and history, while enabled
 * @param replication the table's replicas in other regions, from its first replica on
 */
public record TableOptions(
    TableClass tableClass,
    Optional<OnDemandThroughput> onDemandThroughput,
    Optional<WarmThroughput> warmThroughput,
    Optional<ContributorInsights> tableInsights,
    Map<String, ContributorInsights> indexInsights,
    List<KinesisDestination> kinesisDestinations,
    Optional<ResourcePolicy> resourcePolicy,
    Optional<RestoreSummary> restore,
    Optional<PointInTimeRecovery> pointInTimeRecovery,
    Optional<Replication> replication) {

  public static final TableOptions DEFAULTS = new TableOptions(TableClass.STANDARD, Optional.empty(),
      Optional.empty(), Optional.empty(), Map.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty());

  public TableOptions {
    indexInsights = Map.copyOf(indexInsights);
    kinesisDestinations = List.copyOf(kinesisDestinations);
  }

  public TableOptions withTableClass(TableClass newClass) {
    return new TableOptions(newClass, onDemandThroughput, warmThroughput, tableInsights, indexInsights,
        kinesisDestinations, resourcePolicy, restore, pointInTimeRecovery,
        replication);
  }

  public TableOptions withOnDemandThroughput(Optional<OnDemandThroughput> bounds) {
    return new TableOptions(tableClass, bounds, warmThroughput, tableInsights, indexInsights, kinesisDestinations,
        resourcePolicy, restore, pointInTimeRecovery,
        replication);
  }

  public TableOptions withWarmThroughput(Optional<WarmThroughput> warm) {
    return new TableOptions(tableClass, onDemandThroughput, warm, tableInsights, indexInsights, kinesisDestinations,
        resourcePolicy, restore, pointInTimeRecovery,
        replication);
  }

  public TableOptions withInsights(Optional<ContributorInsights> table, Map<String, ContributorInsights> indexes) {
    return new TableOptions(tableClass, onDemandThroughput, warmThroughput, table, indexes, kinesisDestinations,
        resourcePolicy, restore, pointInTimeRecovery,
        replication);
  }

  public TableOptions withKinesisDestinations(List<KinesisDestination> destinations) {
    return new TableOptions(tableClass, onDemandThroughput, warmThroughput, tableInsights, indexInsights,
        destinations, resourcePolicy, restore, pointInTimeRecovery,
        replication);
  }

  public TableOptions withResourcePolicy(Optional<ResourcePolicy> policy) {
    return new TableOptions(tableClass, onDemandThroughput, warmThroughput, tableInsights, indexInsights,
        kinesisDestinations, policy, restore, pointInTimeRecovery,
        replication);
  }

  public TableOptions withRestore(Optional<RestoreSummary> summary) {
    return new TableOptions(tableClass, onDemandThroughput, warmThroughput, tableInsights, indexInsights,
        kinesisDestinations, resourcePolicy, summary, pointInTimeRecovery,
        replication);
  }

  public TableOptions withPointInTimeRecovery(Optional<PointInTimeRecovery> recovery) {
    return new TableOptions(tableClass, onDemandThroughput, warmThroughput, tableInsights, indexInsights,
        kinesisDestinations, resourcePolicy, restore, recovery,
        replication);
  }

  public TableOptions withReplication(Optional<Replication> newReplication) {
    return new TableOptions(tableClass, onDemandThroughput, warmThroughput, tableInsights, indexInsights,
        kinesisDestinations, resourcePolicy, restore, pointInTimeRecovery, newReplication);
  }
}
