/**
 * Global tables' replication between regions: the stamps that order each item's changes, where they are kept beside
 * the items, the changes regions send each other, how far each replica got, and the peers a region sends to
 * (docs/global-tables.md). The service that sends is in {@code maintenance}, the calls that receive in
 * {@code op.replication}.
 */
package io.shaledb.core.replication;
