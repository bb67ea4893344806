package io.shaledb.ignite;

import java.util.concurrent.CompletableFuture;
import org.apache.ignite.Ignite;
import org.apache.ignite.internal.app.IgniteImpl;
import org.apache.ignite.internal.catalog.Catalog;
import org.apache.ignite.internal.catalog.CatalogManager;
import org.apache.ignite.internal.catalog.descriptors.CatalogZoneDescriptor;
import org.apache.ignite.internal.replicator.ZonePartitionId;
import org.apache.ignite.internal.wrapper.Wrappers;

/**
 * Drops this node's copy of a zone's partition and starts its replica again empty, to receive the partition from the
 * others as a Raft snapshot: what Ignite 3.1's disaster recovery runs on a node for a restart with cleanup ({@code POST
 * /management/v1/recovery/zone/partitions/restartWithCleanup}, {@code ManualGroupRestartRequest}), called here without
 * that request's check. The check counts the replicas that are healthy, or catching up, on live nodes and requires more
 * than {@code replicas / 2 + 1} of them, the copy to drop included: with three replicas, all three. A broken replica
 * is never counted, so Ignite refuses to rebuild a broken replica of a zone of three or four replicas ("Not enough
 * alive nodes to perform reset with clean up", {@code IGN-RECOVERY-5}, seen through the REST API on three nodes in one
 * JVM), which is the case this is for. {@link BrokenReplicas} decides instead, by the rule the node's self-rebuild
 * uses: the others must hold a healthy majority.
 */
final class PartitionCleanupRestart {
  private final IgniteImpl ignite;
  private final String zone;

  /** @param zone the name of the zone whose partitions are restarted */
  PartitionCleanupRestart(Ignite ignite, String zone) {
    this.ignite = Wrappers.unwrap(ignite, IgniteImpl.class);
    this.zone = zone;
  }

  /** Restarts {@code partition} on this node with its storage cleaned up; completes once its replica has started. */
  CompletableFuture<?> restart(int partition) {
    CatalogManager catalogs = ignite.catalogManager();
    Catalog catalog = catalogs.catalog(catalogs.latestCatalogVersion());
    CatalogZoneDescriptor descriptor = catalog == null ? null : catalog.zone(zone);
    if (descriptor == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("Ignite's catalog has no zone " + zone));
    }
    // The same revision and assignments' timestamp the disaster recovery's request passes: the latest ones known here.
    return ignite.partitionReplicaLifecycleManager().restartPartitionWithCleanUp(
        new ZonePartitionId(descriptor.id(), partition), ignite.metaStorageManager().appliedRevision(), catalog.time());
  }
}
