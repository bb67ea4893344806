package io.shaledb.core.op;

import org.jspecify.annotations.Nullable;

/**
 * Who a request acts for: a caller identified by the access key its request was signed with, or the database itself
 * (time-to-live deletions and other background work). A caller whose signature was verified against the principal
 * store is a user of an account, named as IAM names users, so that policies can attach to it; without users in the
 * store, signatures are not verified and the caller is only the access key it named.
 *
 * @param userName the verified user, or null when signatures are not verified (or for the service)
 * @param accountId the verified user's account, or null with {@code userName}
 */
public record Principal(String accessKeyId, boolean service, @Nullable String userName, @Nullable String accountId) {
  /** The database acting on its own, as DynamoDB's own service principal does for time to live. */
  public static final Principal SERVICE = new Principal("dynamodb.amazonaws.com", true, null, null);

  /** A caller whose signature was not verified (authentication is off). */
  public static Principal caller(String accessKeyId) {
    return new Principal(accessKeyId, false, null, null);
  }

  /** A caller whose signature was verified with the secret of {@code accessKeyId}, a key of {@code userName}. */
  public static Principal user(String accessKeyId, String userName, String accountId) {
    return new Principal(accessKeyId, false, userName, accountId);
  }

  /** The user's ARN, {@code arn:aws:iam::<account>:user/<name>}, or null for an unverified caller or the service. */
  public @Nullable String arn() {
    return userName == null ? null : "arn:aws:iam::" + accountId + ":user/" + userName;
  }
}
