package io.shaledb.core.op.table;

import io.shaledb.core.catalog.WitnessedTable;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.Replica;
import io.shaledb.core.schema.Replication;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.schema.Witness;
import io.shaledb.core.validate.Validated;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A peer region's call making this region the witness of its table of multi-region strong consistency
 * (docs/global-tables.md): one catalog change records the table as witnessed here ({@link WitnessedTable}), with a
 * fresh keyspace for its items' consensus state and the two replica regions (the caller and its replica), the only
 * ones whose requests the witness answers. No table is created. Calling it again for the same replicas succeeds, so
 * the caller may retry.
 */
public final class CreateTableWitness implements Operation<ReplicaTableInput, Boolean> {
  private final Database db;

  public CreateTableWitness(Database db) {
    this.db = db;
  }

  @Override
  public void validate(ReplicaTableInput in) {
    if (in.sourceRegion() == null || in.table() == null) {
      throw DynamoException.validation("CreateTableWitness needs the SourceRegion and the Table");
    }
  }

  @Override
  public Boolean execute(ReplicaTableInput in, RequestContext context) {
    String source = Validated.present(in.sourceRegion());
    TableMetadata origin = Validated.present(in.table());
    ReplicaUpdates.requirePeer(db, source);
    Replication replication = origin.options().replication().filter(Replication::strong)
        .filter(r -> r.witness().map(Witness::region).filter(db.region()::equals).isPresent())
        .orElseThrow(() -> DynamoException.validation("One or more parameter values were invalid: table "
            + origin.name() + " of region " + source + " does not name region " + db.region() + " its witness"));
    List<String> replicas = new ArrayList<>(List.of(source));
    replication.replicas().stream().map(Replica::region).forEach(replicas::add);
    replicas.forEach(region -> ReplicaUpdates.requirePeer(db, region));
    return db.catalog().change(change -> {
      if (change.table(origin.name()).isPresent()) {
        // ShaleDB's words: a region holds one table of a name, and the witness's state would have the name twice.
        throw DynamoException.validation("One or more parameter values were invalid: region " + db.region()
            + " holds a table named " + origin.name() + " and cannot be the witness of another");
      }
      Optional<WitnessedTable> existing = change.witnessed(origin.name());
      if (existing.isPresent()) {
        if (existing.get().replicas().equals(replicas.stream().sorted().toList())) {
          return true;
        }
        throw DynamoException.validation("One or more parameter values were invalid: region " + db.region()
            + " is the witness of a table named " + origin.name() + " of regions " + existing.get().replicas());
      }
      change.putWitnessed(new WitnessedTable(origin.name(), change.allocateKeyspaces(1), replicas,
          db.clock().instant()));
      return true;
    });
  }
}
