package io.shaledb.server.auth;

import io.shaledb.core.op.Principal;
import io.shaledb.server.protocol.Credentials;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decides who sent a request. With no user in the principal store, authentication is off: a request needs an
 * Authorization header or a presigned query string, as DynamoDB Local asks, and acts for the access key it names,
 * unverified. Once any user exists, every request's signature is verified ({@link SigV4Verifier}); the mode follows
 * the store at once when its first user is created or its last deleted.
 */
public final class Authenticator {
  private final @Nullable SigV4Verifier verifier;
  private volatile boolean verifying;

  private Authenticator(@Nullable SigV4Verifier verifier, boolean verifying) {
    this.verifier = verifier;
    this.verifying = verifying;
  }

  /** Verifies requests against {@code store} while it has users. */
  public static Authenticator over(PrincipalStore store, String region, Clock clock) {
    Authenticator authenticator = new Authenticator(new SigV4Verifier(region, clock, new SigningKeys(store)),
        store.hasUsers());
    store.onChange(() -> authenticator.verifying = store.hasUsers());
    return authenticator;
  }

  /** Never verifies: for transports tested without a database. */
  public static Authenticator off() {
    return new Authenticator(null, false);
  }

  /** Whether signatures are verified: some user exists. */
  public boolean verifying() {
    return verifying;
  }

  /**
   * The principal the request acts for.
   *
   * @throws io.shaledb.core.error.DynamoException DynamoDB's authentication errors
   */
  public Principal authenticate(SignedRequest request) {
    SigV4Verifier signatures = verifier;
    if (verifying && signatures != null) {
      return signatures.verify(request);
    }
    String authorization = request.header("Authorization");
    if (authorization != null) {
      return Principal.caller(Credentials.parse(authorization).accessKeyId());
    }
    if (request.rawQuery().contains("X-Amz-Credential")) {
      List<Map.Entry<String, String>> query = CanonicalRequest.parameters(request.rawQuery());
      for (Map.Entry<String, String> parameter : query) {
        if (parameter.getKey().equals("X-Amz-Credential")) {
          String credential = parameter.getValue();
          int slash = credential.indexOf('/');
          return Principal.caller(slash < 0 ? credential : credential.substring(0, slash));
        }
      }
    }
    throw SignatureErrors.missingToken();
  }
}
