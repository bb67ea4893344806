package io.shaledb.core.op;

/**
 * Who a request acts for: a caller identified by the access key its request was signed with, or the database itself
 * (time-to-live deletions and other background work).
 */
public record Principal(String accessKeyId, boolean service) {
  /** The database acting on its own, as DynamoDB's own service principal does for time to live. */
  public static final Principal SERVICE = new Principal("dynamodb.amazonaws.com", true);

  public static Principal caller(String accessKeyId) {
    return new Principal(accessKeyId, false);
  }
}
