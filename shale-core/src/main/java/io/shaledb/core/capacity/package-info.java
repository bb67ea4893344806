/**
 * Throughput enforcement: token buckets per table and global index at their provisioned or on-demand rates, with
 * DynamoDB's burst capacity, and the throttling errors DynamoDB answers when a bucket is empty. Buckets are rate
 * state, kept in memory per process as DynamoDB keeps them per partition, never stored (docs/capacity.md).
 */
package io.shaledb.core.capacity;
