package io.shaledb.server.auth;

import io.shaledb.core.op.Principal;
import io.shaledb.server.protocol.Credentials;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decides who sent a request. With no user in the principal store, authentication is off: a request needs an
 * Authorization header or a presigned query string, as DynamoDB Local asks, and acts for the access key it names,
 * unverified. Once any user exists, every request's signature is verified ({@link SigV4Verifier}).
 *
 * <p>The store stays the truth, and what this process caches of it (the mode, each access key: {@link SigningKeys};
 * the users' parsed policies, kept by authorization) follows it: at once for a change made through this process's
 * store, and within {@link #RECHECK} for one made by another process sharing the storage, seen by the store's
 * version, read at most once per {@link #RECHECK} on the request path.
 */
public final class Authenticator {
  /** How stale the caches may be after another process changes the store. */
  static final Duration RECHECK = Duration.ofSeconds(1);

  private final @Nullable PrincipalStore store;
  private final @Nullable SigV4Verifier verifier;
  private final Clock clock;
  private volatile boolean verifying;
  private volatile long version;
  private volatile long checkedAtMillis;

  private Authenticator(@Nullable PrincipalStore store, @Nullable SigningKeys keys, String region, Clock clock) {
    this.store = store;
    this.verifier = keys == null ? null : new SigV4Verifier(region, clock, keys);
    this.clock = clock;
    if (store != null) {
      this.version = store.version();
      this.verifying = store.hasUsers();
      this.checkedAtMillis = clock.millis();
    }
  }

  /** Verifies requests against {@code store} while it has users. */
  public static Authenticator over(PrincipalStore store, String region, Clock clock) {
    SigningKeys keys = new SigningKeys(store);
    Authenticator authenticator = new Authenticator(store, keys, region, clock);
    store.onChange(() -> authenticator.verifying = store.hasUsers());
    return authenticator;
  }

  /** Never verifies: for transports tested without a database. */
  public static Authenticator off() {
    return new Authenticator(null, null, "", Clock.systemUTC());
  }

  /** Whether signatures are verified: some user exists. */
  public boolean verifying() {
    long now = clock.millis();
    if (now - checkedAtMillis >= RECHECK.toMillis()) {
      recheck(now);
    }
    return verifying;
  }

  /**
   * When another process changed the store since it was last read, tells the store's listeners, as a change made here
   * does: the mode and the keys here, and the users' policies that authorization parsed.
   */
  private void recheck(long now) {
    checkedAtMillis = now;
    PrincipalStore principals = store;
    if (principals == null) {
      return;
    }
    long current = principals.version();
    if (current != version) {
      version = current;
      principals.changedElsewhere();
    }
  }

  /**
   * The principal the request acts for.
   *
   * @throws io.shaledb.core.error.DynamoException DynamoDB's authentication errors
   */
  public Principal authenticate(SignedRequest request) {
    SigV4Verifier signatures = verifier;
    if (verifying() && signatures != null) {
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
