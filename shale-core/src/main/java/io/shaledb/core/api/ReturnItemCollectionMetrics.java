package io.shaledb.core.api;

/** ReturnItemCollectionMetrics: whether to report item collection sizes. */
public enum ReturnItemCollectionMetrics {
  SIZE,
  NONE
}
