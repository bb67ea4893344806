package io.shaledb.core.error;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The one exception that carries a DynamoDB error to the client: a code, the service's message and optional
 * extra fields of the error body (such as {@code Item} for ReturnValuesOnConditionCheckFailure).
 *
 * <p>Client errors are control flow on hot paths (a failed condition is an ordinary answer), so no stack trace is
 * captured.
 */
public final class DynamoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final transient Map<String, Object> extra;
  private final boolean requestValidation;
  private final @Nullable String envelopedMessage;

  public DynamoException(ErrorCode code, @Nullable String message) {
    this(code, message, Map.of());
  }

  public DynamoException(ErrorCode code, @Nullable String message, Map<String, Object> extra) {
    this(code, message, extra, false, message);
  }

  private DynamoException(ErrorCode code, @Nullable String message, Map<String, Object> extra,
      boolean requestValidation, @Nullable String envelopedMessage) {
    super(message, null, false, false);
    this.code = code;
    this.extra = Map.copyOf(extra);
    this.requestValidation = requestValidation;
    this.envelopedMessage = envelopedMessage;
  }

  public ErrorCode code() {
    return code;
  }

  public Map<String, Object> extra() {
    return extra;
  }

  /**
   * Whether the error belongs to the request validation families that some operations word differently (see
   * {@link #requestValidation}); the message is the same for every operation.
   */
  public boolean isRequestValidation() {
    return requestValidation;
  }

  /** What the envelope of a request validation error holds: its message, or where the service words it apart, that. */
  public @Nullable String envelopedMessage() {
    return envelopedMessage;
  }

  public static DynamoException validation(String message) {
    return new DynamoException(ErrorCode.VALIDATION, message);
  }

  /**
   * A ValidationException from one of the checks DynamoDB makes on the request itself, before it looks at a table
   * or an item (expression syntax, expression parameters beside legacy ones, set values, ReturnValues): PutItem and
   * UpdateItem report these inside a "1 validation error detected: " envelope, every other operation bare.
   */
  public static DynamoException requestValidation(String message) {
    return requestValidation(message, message);
  }

  /** As {@link #requestValidation(String)}, for a check whose message inside the envelope is {@code enveloped}. */
  public static DynamoException requestValidation(String message, String enveloped) {
    return new DynamoException(ErrorCode.VALIDATION, message, Map.of(), true, enveloped);
  }

  public static DynamoException resourceNotFound(String message) {
    return new DynamoException(ErrorCode.RESOURCE_NOT_FOUND, message);
  }

  public static DynamoException resourceInUse(String message) {
    return new DynamoException(ErrorCode.RESOURCE_IN_USE, message);
  }

  /**
   * DynamoDB's ServiceUnavailable, with the message its developer guide gives it (Error handling with DynamoDB,
   * HTTP status code 5xx).
   */
  public static DynamoException serviceUnavailable() {
    return new DynamoException(ErrorCode.SERVICE_UNAVAILABLE,
        "DynamoDB is currently unavailable. (This should be a temporary state.)");
  }

  public static DynamoException serialization(@Nullable String message) {
    return new DynamoException(ErrorCode.SERIALIZATION, message);
  }
}
