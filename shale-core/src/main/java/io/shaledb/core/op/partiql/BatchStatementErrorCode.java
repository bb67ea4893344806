package io.shaledb.core.op.partiql;

/** BatchStatementError's Code, as the API reference lists its values. */
public enum BatchStatementErrorCode {
  ConditionalCheckFailed,
  ItemCollectionSizeLimitExceeded,
  RequestLimitExceeded,
  ValidationError,
  ProvisionedThroughputExceeded,
  TransactionConflict,
  ThrottlingError,
  InternalServerError,
  ResourceNotFound,
  AccessDenied,
  DuplicateItem
}
