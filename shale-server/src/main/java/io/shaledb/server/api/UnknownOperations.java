package io.shaledb.server.api;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Answers targets ShaleDB does not implement with DynamoDB's UnknownOperationException, and tells the log once per
 * target, so that whoever runs an application against ShaleDB learns which call it lacks instead of seeing only an
 * error in the client. DynamoDB words the two kinds of unknown target differently: an operation of its API that an
 * endpoint does not offer carries a message (boto3 issue 1542, ListBackups in a region without backups: "Unknown
 * operation exception"; the AWS Toolkit for JetBrains issue 2956 shows the same text from the Java SDK v2), a target
 * that names no operation at all carries none (dynalite's recorded answers; dynoxide's captures). The targets come
 * from clients, so the number remembered is bounded; past it, further unknown targets are answered without a warning.
 */
final class UnknownOperations {
  static final String MESSAGE = "Unknown operation exception";
  static final int MAX_WARNED = 256;

  /**
   * DynamoDB's operations that ShaleDB does not offer yet, as X-Amz-Target names them: README.md lists the same
   * (UnimplementedOperationsIT compares both with what the server answers for every operation of the SDK's clients).
   */
  private static final Set<String> NOT_YET = Stream.of("DescribeExport", "DescribeImport",
      "ExportTableToPointInTime", "ImportTable", "ListExports", "ListImports").map(operation -> "DynamoDB_20120810."
      + operation)
      .collect(Collectors.toUnmodifiableSet());

  private final Set<String> warned = ConcurrentHashMap.newKeySet();
  private final Consumer<String> log;

  UnknownOperations(Consumer<String> log) {
    this.log = log;
  }

  /** The error for {@code target} (null when the request had none), warned about the first time it is seen. */
  DynamoException requested(@Nullable String target) {
    boolean notYet = target != null && NOT_YET.contains(target);
    String name = target == null ? "(no X-Amz-Target)" : target;
    if (warned.size() < MAX_WARNED && warned.add(name)) {
      log.accept(notYet
          ? "a client called " + name + ", which ShaleDB does not implement (yet): it was answered"
              + " UnknownOperationException: " + MESSAGE
          : "a client called " + name + ", which is no operation of DynamoDB's API: it was answered"
              + " UnknownOperationException");
    }
    return new DynamoException(ErrorCode.UNKNOWN_OPERATION, notYet ? MESSAGE : null);
  }
}
