package io.shaledb.core.maintenance;

import io.shaledb.core.background.BackgroundService;
import io.shaledb.core.catalog.TableCatalog;

/** Picks up catalog changes made by another process sharing the storage engine ({@link TableCatalog#refresh}). */
public final class CatalogRefresh implements BackgroundService {
  private final TableCatalog catalog;

  public CatalogRefresh(TableCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public boolean runPass() {
    catalog.refresh();
    return false;
  }
}
