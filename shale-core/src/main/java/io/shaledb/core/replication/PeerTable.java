package io.shaledb.core.replication;

import io.shaledb.core.schema.TableMetadata;

/**
 * A peer region's table as the legacy global table operations check it before joining it to a global table of
 * version 2017.11.29: its metadata, and whether it holds any item.
 */
public record PeerTable(TableMetadata table, boolean empty) {}
