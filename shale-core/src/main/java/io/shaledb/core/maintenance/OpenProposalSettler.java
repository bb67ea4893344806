package io.shaledb.core.maintenance;

import io.shaledb.core.background.BackgroundService;
import io.shaledb.core.consensus.OpenProposals;
import io.shaledb.core.consensus.OpenProposals.Open;
import io.shaledb.core.consensus.RegionConsensus;
import io.shaledb.core.op.Database;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.write.ItemConsensus;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finishes the values of tables of multi-region strong consistency that a quorum may have chosen and no region
 * committed (docs/global-tables.md, "A region that was down"): every Commit of their round lost, or the writer stopped
 * after its Accepts. Such a value is in no stream, so without this the replicas' eventually consistent reads would get
 * it only with the item's next write or strong read. Each pass walks a bounded slice of each table's keys whose
 * proposal this region accepted more than {@link #REST} ago and still holds open ({@link OpenProposals}), and reads
 * each through the consensus ({@link RegionConsensus#settle}), which commits the value in every region that answers;
 * the stream and replication take it on from there. A key whose read fails stays for a later pass.
 */
public final class OpenProposalSettler implements BackgroundService {
  /**
   * How long a proposal stays open before it is settled: far longer than a write takes to commit what it proposed,
   * so the settling read rarely meets a write still under way (it would finish that write's value for it).
   */
  public static final Duration REST = Duration.ofSeconds(10);
  private static final int KEYS_PER_PASS = 100;
  private static final System.Logger LOG = System.getLogger(OpenProposalSettler.class.getName());

  private final Database db;
  private final RegionConsensus consensus;
  /**
   * Per table keyspace, the key the next pass starts at (a cache: after a restart the walk starts again from the
   * first key), so that keys whose reads keep failing do not hold the others back.
   */
  private final Map<Integer, byte[]> resume = new HashMap<>();

  public OpenProposalSettler(Database db, RegionConsensus consensus) {
    this.db = db;
    this.consensus = consensus;
  }

  @Override
  public boolean runPass() {
    List<TableMetadata> tables = db.catalog().list().stream().filter(ItemConsensus::covers).toList();
    resume.keySet().retainAll(tables.stream().map(TableMetadata::keyspace).toList());
    tables.forEach(this::settle);
    return false;
  }

  private void settle(TableMetadata table) {
    List<Open> open;
    try (Snapshot snapshot = db.storage().snapshot()) {
      open = OpenProposals.read(snapshot, table.keyspace(), resume.get(table.keyspace()), KEYS_PER_PASS);
    }
    long restedBefore = db.clock().millis() - REST.toMillis();
    for (Open key : open) {
      if (key.acceptedMillis() <= restedBefore) {
        try {
          consensus.settle(table, key.itemKey());
        } catch (RuntimeException e) {
          LOG.log(Level.INFO, "settling a key of table {0} failed, left for a later pass: {1}", table.name(),
              e.toString());
        }
      }
    }
    if (open.size() < KEYS_PER_PASS) {
      resume.remove(table.keyspace());
    } else {
      resume.put(table.keyspace(), KeyRange.after(open.getLast().itemKey()));
    }
  }
}
