package io.shaledb.server.api;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Answers targets ShaleDB does not implement with DynamoDB's UnknownOperationException, and tells the log once per
 * target, so that whoever runs an application against ShaleDB learns which call it lacks instead of seeing only an
 * error in the client. The targets come from clients, so the number remembered is bounded; past it, further unknown
 * targets are answered without a warning.
 */
final class UnknownOperations {
  /**
   * DynamoDB's message for an unknown target, as its endpoints answer one (boto3 issue 1542, ListBackups in a region
   * without backups: "Unknown operation exception"; the AWS Toolkit for JetBrains issue 2956 shows the same text from
   * the Java SDK v2).
   */
  static final String MESSAGE = "Unknown operation exception";
  static final int MAX_WARNED = 256;

  private final Set<String> warned = ConcurrentHashMap.newKeySet();
  private final Consumer<String> log;

  UnknownOperations(Consumer<String> log) {
    this.log = log;
  }

  /** The error for {@code target} (null when the request had none), warned about the first time it is seen. */
  DynamoException requested(String target) {
    String name = target == null ? "(no X-Amz-Target)" : target;
    if (warned.size() < MAX_WARNED && warned.add(name)) {
      log.accept("a client called " + name + ", which ShaleDB does not implement (yet): it was answered"
          + " UnknownOperationException: " + MESSAGE);
    }
    return new DynamoException(ErrorCode.UNKNOWN_OPERATION, MESSAGE);
  }
}
