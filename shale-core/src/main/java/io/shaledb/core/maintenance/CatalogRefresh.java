package io.shaledb.core.maintenance;

import io.shaledb.core.background.BackgroundService;
import io.shaledb.core.capacity.Throughput;
import io.shaledb.core.catalog.TableCatalog;
import io.shaledb.core.op.Database;

/**
 * Picks up catalog changes made by another process sharing the storage engine ({@link TableCatalog#refresh}), and the
 * partition splits it made ({@link Throughput#adoptStoredSplits}).
 */
public final class CatalogRefresh implements BackgroundService {
  private final TableCatalog catalog;
  private final Throughput throughput;

  public CatalogRefresh(Database db) {
    this.catalog = db.catalog();
    this.throughput = db.throughput();
  }

  @Override
  public boolean runPass() {
    catalog.refresh();
    throughput.adoptStoredSplits();
    return false;
  }
}
