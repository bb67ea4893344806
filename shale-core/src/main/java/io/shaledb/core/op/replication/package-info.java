/** The calls by which a peer region sends a replicated table's changes here (docs/global-tables.md). */
package io.shaledb.core.op.replication;
