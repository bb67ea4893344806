package io.shaledb.core.op.table;

import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.Replica;
import io.shaledb.core.schema.Replication;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.schema.TableStatus;
import java.util.List;

/**
 * A TableAutoScalingDescription: a table's replicas in other regions (each described with the table's global
 * indexes, which every replica shares) and their auto scaling settings, of which ShaleDB describes none (a replica's
 * scaling targets are its own region's).
 */
public record TableAutoScalingOutput(String tableName, TableStatus status, List<Replica> replicas,
    List<IndexMetadata> globalIndexes) {

  public TableAutoScalingOutput {
    replicas = List.copyOf(replicas);
    globalIndexes = List.copyOf(globalIndexes);
  }

  static TableAutoScalingOutput of(TableMetadata table) {
    return new TableAutoScalingOutput(table.name(), TableStatus.ACTIVE,
        table.options().replication().map(Replication::replicas).orElse(List.of()),
        table.indexes().stream().filter(index -> !index.local()).toList());
  }
}
