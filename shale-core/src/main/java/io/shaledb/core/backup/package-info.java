/**
 * On-demand backups and restores, independent of the engine: a backup's descriptor lives in the system keyspace
 * ({@link io.shaledb.core.backup.Backups}) and its items in a keyspace of their own, copied from one snapshot of
 * the table; a restore fills a new table from a {@link io.shaledb.core.backup.RestoreSource}, the items of a table
 * as of one instant. The copying itself is done by background services in {@code io.shaledb.core.maintenance}.
 */
package io.shaledb.core.backup;
