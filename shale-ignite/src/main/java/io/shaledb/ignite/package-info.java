/**
 * The clustered storage engine: the storage SPI on an embedded Apache Ignite 3 node, with replication, consensus and
 * distributed transactions all Ignite's. See docs/cluster.md for the key layout, the transaction mapping and the
 * versionstamp design.
 */
package io.shaledb.ignite;
