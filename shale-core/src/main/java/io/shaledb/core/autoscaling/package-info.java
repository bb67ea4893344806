/**
 * DynamoDB auto scaling as Application Auto Scaling serves it: scalable targets (a table's or global index's read
 * or write capacity, with its bounds), their target-tracking policies and scaling activities, stored in the system
 * keyspace under the keyspace of the table or index they scale, so they go with it. The scaler that acts on them is a
 * background service in {@code io.shaledb.core.maintenance}.
 */
package io.shaledb.core.autoscaling;
