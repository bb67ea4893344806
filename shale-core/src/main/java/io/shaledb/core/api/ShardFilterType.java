package io.shaledb.core.api;

/** ShardFilter's Type in DescribeStream: which shards to list. */
public enum ShardFilterType {
  /** The shards whose parent is the filter's ShardId. */
  CHILD_SHARDS
}
