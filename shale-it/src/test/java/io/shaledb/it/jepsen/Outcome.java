package io.shaledb.it.jepsen;

/** What a client learnt of its operation, which decides what a checker may assume about it. */
public enum Outcome {
  /** Acknowledged: it took effect exactly once, between its invocation and its completion. */
  OK,
  /**
   * Refused because its condition was false (ConditionalCheckFailed, TransactionCanceled): it took no effect, and the
   * condition was false at some point between invocation and completion.
   */
  REFUSED,
  /** Failed definitely for another reason (a 4xx answer): it took no effect and tells nothing about the state. */
  FAILED,
  /**
   * Indeterminate (a timeout, a 5xx, a connection lost): it may have taken effect at any time from its invocation on,
   * even after the client gave up, or never.
   */
  UNKNOWN;

  /** How Jepsen's reports name the outcome: ok, fail or info. */
  public String jepsenName() {
    return switch (this) {
      case OK -> "ok";
      case REFUSED, FAILED -> "fail";
      case UNKNOWN -> "info";
    };
  }
}
