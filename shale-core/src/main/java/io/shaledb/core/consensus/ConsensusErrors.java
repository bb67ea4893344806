package io.shaledb.core.consensus;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;

/** How a round that did not finish is answered, by what the client may assume of its write. */
final class ConsensusErrors {
  /** The service's description of the error (the API reference). */
  static final String CONFLICT = "The request was rejected because one or more items in the request are being"
      + " modified by a request in another Region.";
  static final String UNAVAILABLE = "Fewer than two regions of the global table answered: the request cannot be"
      + " served with multi-Region strong consistency now.";
  static final String UNKNOWN = "The write reached fewer than two regions in time; it may or may not take effect.";

  private ConsensusErrors() {}

  /** Other regions' requests on the item refused ours before anything of this write was proposed: no effect. */
  static DynamoException conflict() {
    return new DynamoException(ErrorCode.REPLICATED_WRITE_CONFLICT, CONFLICT);
  }

  /** Too few regions answered before anything of this write was proposed: no effect. */
  static DynamoException unavailable() {
    return new DynamoException(ErrorCode.SERVICE_UNAVAILABLE, UNAVAILABLE);
  }

  /** The write's value was proposed but not chosen in time: a later round on the item may still choose it. */
  static DynamoException unknown() {
    return new DynamoException(ErrorCode.INTERNAL_SERVER_ERROR, UNKNOWN);
  }
}
