package io.shaledb.core.error;

import java.util.Optional;

/**
 * DynamoDB's error types: the full {@code __type} the SDKs parse, the HTTP status and whether a client may retry.
 *
 * <p>Constants are added as operations need them; the {@code __type} strings follow what the service returns
 * (validation and serialization errors come from the Coral framework's namespaces).
 */
public enum ErrorCode {
  VALIDATION("com.amazon.coral.validate#ValidationException", 400, false),
  SERIALIZATION("com.amazon.coral.service#SerializationException", 400, false),
  UNKNOWN_OPERATION("com.amazon.coral.service#UnknownOperationException", 400, false),
  MISSING_AUTHENTICATION_TOKEN("com.amazon.coral.service#MissingAuthenticationTokenException", 400, false),
  /** An access key that is unknown or inactive, or a session token ShaleDB did not issue. */
  UNRECOGNIZED_CLIENT("com.amazon.coral.service#UnrecognizedClientException", 400, false),
  /** A SigV4 signature that does not match, or is scoped or dated wrongly. */
  INVALID_SIGNATURE("com.amazon.coral.service#InvalidSignatureException", 400, false),
  /** Session credentials used after their expiration. */
  EXPIRED_TOKEN("com.amazon.coral.service#ExpiredTokenException", 400, false),
  /** A SigV4 Authorization header or query string that lacks a part or has a malformed one. */
  INCOMPLETE_SIGNATURE("com.amazon.coral.service#IncompleteSignatureException", 400, false),
  /** A verified caller whose policies do not allow the action on the resource. */
  ACCESS_DENIED("com.amazon.coral.service#AccessDeniedException", 400, false),
  REQUEST_TOO_LARGE("com.amazon.coral.service#RequestEntityTooLargeException", 413, false),
  RESOURCE_NOT_FOUND("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", 400, false),
  RESOURCE_IN_USE("com.amazonaws.dynamodb.v20120810#ResourceInUseException", 400, false),
  LIMIT_EXCEEDED("com.amazonaws.dynamodb.v20120810#LimitExceededException", 400, true),
  CONDITIONAL_CHECK_FAILED("com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException", 400, false),
  /** A PartiQL INSERT of an item whose key is already taken. */
  DUPLICATE_ITEM("com.amazonaws.dynamodb.v20120810#DuplicateItemException", 400, false),
  ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED("com.amazonaws.dynamodb.v20120810#ItemCollectionSizeLimitExceededException",
      400, false),
  TRANSACTION_CONFLICT("com.amazonaws.dynamodb.v20120810#TransactionConflictException", 400, true),
  /** A write on a table of multi-region strong consistency that lost to a concurrent write of the item elsewhere. */
  REPLICATED_WRITE_CONFLICT("com.amazonaws.dynamodb.v20120810#ReplicatedWriteConflictException", 400, true),
  TRANSACTION_CANCELED("com.amazonaws.dynamodb.v20120810#TransactionCanceledException", 400, false),
  IDEMPOTENT_PARAMETER_MISMATCH("com.amazonaws.dynamodb.v20120810#IdempotentParameterMismatchException", 400,
      false),
  EXPIRED_ITERATOR("com.amazonaws.dynamodb.v20120810#ExpiredIteratorException", 400, false),
  TRIMMED_DATA_ACCESS("com.amazonaws.dynamodb.v20120810#TrimmedDataAccessException", 400, false),
  TABLE_NOT_FOUND("com.amazonaws.dynamodb.v20120810#TableNotFoundException", 400, false),
  CONTINUOUS_BACKUPS_UNAVAILABLE("com.amazonaws.dynamodb.v20120810#ContinuousBackupsUnavailableException", 400,
      false),
  BACKUP_NOT_FOUND("com.amazonaws.dynamodb.v20120810#BackupNotFoundException", 400, false),
  BACKUP_IN_USE("com.amazonaws.dynamodb.v20120810#BackupInUseException", 400, false),
  TABLE_ALREADY_EXISTS("com.amazonaws.dynamodb.v20120810#TableAlreadyExistsException", 400, false),
  TABLE_IN_USE("com.amazonaws.dynamodb.v20120810#TableInUseException", 400, false),
  POINT_IN_TIME_RECOVERY_UNAVAILABLE(
      "com.amazonaws.dynamodb.v20120810#PointInTimeRecoveryUnavailableException", 400, false),
  INVALID_RESTORE_TIME("com.amazonaws.dynamodb.v20120810#InvalidRestoreTimeException", 400, false),
  GLOBAL_TABLE_NOT_FOUND("com.amazonaws.dynamodb.v20120810#GlobalTableNotFoundException", 400, false),
  GLOBAL_TABLE_ALREADY_EXISTS("com.amazonaws.dynamodb.v20120810#GlobalTableAlreadyExistsException", 400, false),
  REPLICA_ALREADY_EXISTS("com.amazonaws.dynamodb.v20120810#ReplicaAlreadyExistsException", 400, false),
  REPLICA_NOT_FOUND("com.amazonaws.dynamodb.v20120810#ReplicaNotFoundException", 400, false),
  INDEX_NOT_FOUND("com.amazonaws.dynamodb.v20120810#IndexNotFoundException", 400, false),
  POLICY_NOT_FOUND("com.amazonaws.dynamodb.v20120810#PolicyNotFoundException", 400, false),
  /** Application Auto Scaling's: a scalable target or scaling policy that does not exist. */
  OBJECT_NOT_FOUND("ObjectNotFoundException", 400, false),
  /** Application Auto Scaling's: a NextToken that no earlier answer gave. */
  INVALID_NEXT_TOKEN("InvalidNextTokenException", 400, false),
  /** IAM's, answered by ShaleDB's admin API: a user, access key or policy that does not exist. */
  NO_SUCH_ENTITY("NoSuchEntity", 404, false),
  /** IAM's: a user name already taken. */
  ENTITY_ALREADY_EXISTS("EntityAlreadyExists", 409, false),
  /** IAM's: a quota reached, such as two access keys per user. */
  IAM_LIMIT_EXCEEDED("LimitExceeded", 409, false),
  /** IAM's: a user deleted while it still has access keys. */
  DELETE_CONFLICT("DeleteConflict", 409, false),
  /** IAM's: a policy document that is not a valid policy. */
  MALFORMED_POLICY_DOCUMENT("MalformedPolicyDocument", 400, false),
  /** IAM's: a name or value outside its rules. */
  INVALID_INPUT("InvalidInput", 400, false),
  THROTTLING("com.amazon.coral.availability#ThrottlingException", 400, true),
  PROVISIONED_THROUGHPUT_EXCEEDED("com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException", 400,
      true),
  INTERNAL_SERVER_ERROR("com.amazonaws.dynamodb.v20120810#InternalServerError", 500, true),
  /** The framework's failure to read a request at all, such as a body in a content coding it cannot decode. */
  INTERNAL_FAILURE("com.amazon.coral.service#InternalFailure", 500, true),
  /**
   * DynamoDB's "ServiceUnavailable" (HTTP 503, "OK to retry? Yes" in the developer guide's error list): a passing
   * server-side condition, which the SDKs retry with backoff by its status. ShaleDB answers it while the storage
   * engine cannot write (a full disk), and keeps 500 for failures nobody expected.
   */
  SERVICE_UNAVAILABLE("com.amazonaws.dynamodb.v20120810#ServiceUnavailable", 503, true);

  private final String type;
  private final int httpStatus;
  private final boolean retryable;

  ErrorCode(String type, int httpStatus, boolean retryable) {
    this.type = type;
    this.httpStatus = httpStatus;
    this.retryable = retryable;
  }

  /** The {@code __type} value of the error body. */
  public String type() {
    return type;
  }

  /** The code whose {@code __type} is {@code type} (as another ShaleDB answered it), if any. */
  public static Optional<ErrorCode> ofType(String type) {
    for (ErrorCode code : values()) {
      if (code.type.equals(type)) {
        return Optional.of(code);
      }
    }
    return Optional.empty();
  }

  public int httpStatus() {
    return httpStatus;
  }

  public boolean retryable() {
    return retryable;
  }
}
