/** The durable storage engine on RocksDB, ShaleDB's default. */
package io.shaledb.rocksdb;
