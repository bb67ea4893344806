package io.shaledb.server.auth;

import java.time.Instant;

/** A user of the principal store, named and placed in an account as IAM names its users. */
public record IamUser(String name, String accountId, Instant created) {

  /** {@code arn:aws:iam::<account>:user/<name>}, what policies will name. */
  public String arn() {
    return "arn:aws:iam::" + accountId + ":user/" + name;
  }
}
