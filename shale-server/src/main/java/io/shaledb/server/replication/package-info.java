/**
 * Global tables' network side (docs/global-tables.md): the peers file, and the signed HTTP calls this region makes on
 * its peers' endpoints.
 */
package io.shaledb.server.replication;
