package io.shaledb.core.api;

/** ShardIteratorType: where reading a stream shard starts. */
public enum ShardIteratorType {
  TRIM_HORIZON,
  LATEST,
  AT_SEQUENCE_NUMBER,
  AFTER_SEQUENCE_NUMBER
}
