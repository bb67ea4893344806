package io.shaledb.server.auth;

import io.shaledb.core.op.Principal;
import io.shaledb.core.storage.StartupRead;
import io.shaledb.server.protocol.Credentials;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides who sent a request. With no user in the principal store, authentication is off: a request needs an
 * Authorization header or a presigned query string, as DynamoDB Local asks, and acts for the access key it names,
 * unverified. Once any user exists, every request's signature is verified ({@link SigV4Verifier}).
 *
 * <p>The store stays the truth, and what this process caches of it (the mode, each access key: {@link SigningKeys};
 * the users' parsed policies, kept by authorization) follows it: at once for a change made through this process's
 * store, and within {@link #RECHECK} for one made by another process sharing the storage, seen by the store's
 * version. A request finding the last look older than {@link #RECHECK} starts the next one off its own thread, and
 * goes on with what is known: requests are verified on Netty's event loops, and on a clustered engine a read of the
 * store waits for the cluster (on a node cut off from it, for good), which would stall every connection of the loop.
 */
public final class Authenticator {
  private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);
  /** How stale the caches may be after another process changes the store. */
  static final Duration RECHECK = Duration.ofSeconds(1);

  /**
   * A platform thread per look, at most one a second: a virtual one would pin its carrier through a clustered
   * engine's blocking read, and the API's calls run on those carriers.
   */
  private static final Executor OWN_THREAD = task -> Thread.ofPlatform().daemon().name("shale-principals-recheck")
      .start(task);

  private final @Nullable PrincipalStore store;
  private final @Nullable SigV4Verifier verifier;
  private final Clock clock;
  private final Executor rechecks;
  /** Whether a look at the store is under way, so a slow one is not joined by another every second. */
  private final AtomicBoolean rechecking = new AtomicBoolean();
  private volatile boolean verifying;
  private volatile long version;
  private volatile long checkedAtMillis;

  private Authenticator(@Nullable PrincipalStore store, @Nullable SigningKeys keys, String region, Clock clock,
      Executor rechecks) {
    this.store = store;
    this.verifier = keys == null ? null : new SigV4Verifier(region, clock, keys);
    this.clock = clock;
    this.rechecks = rechecks;
    if (store != null) {
      this.version = StartupRead.retried("the users' version", store::version);
      this.verifying = StartupRead.retried("the users", store::hasUsers);
      this.checkedAtMillis = clock.millis();
    }
  }

  /** Verifies requests against {@code store} while it has users. */
  public static Authenticator over(PrincipalStore store, String region, Clock clock) {
    return over(store, region, clock, OWN_THREAD);
  }

  /** As above, looking at the store again on {@code rechecks}. */
  static Authenticator over(PrincipalStore store, String region, Clock clock, Executor rechecks) {
    SigningKeys keys = new SigningKeys(store);
    Authenticator authenticator = new Authenticator(store, keys, region, clock, rechecks);
    store.onChange(() -> authenticator.verifying = store.hasUsers());
    return authenticator;
  }

  /** Never verifies: for transports tested without a database. */
  public static Authenticator off() {
    return new Authenticator(null, null, "", Clock.systemUTC(), Runnable::run);
  }

  /** Whether signatures are verified: some user exists, as far as the last look at the store knows. */
  public boolean verifying() {
    long now = clock.millis();
    PrincipalStore principals = store;
    if (principals != null && now - checkedAtMillis >= RECHECK.toMillis() && rechecking.compareAndSet(false, true)) {
      checkedAtMillis = now;
      rechecks.execute(() -> recheck(principals));
    }
    return verifying;
  }

  /**
   * When another process changed the store since it was last read, tells the store's listeners, as a change made here
   * does: the mode and the keys here, and the users' policies that authorization parsed.
   */
  private void recheck(PrincipalStore principals) {
    try {
      long current = principals.version();
      if (current != version) {
        version = current;
        principals.changedElsewhere();
      }
    } catch (RuntimeException e) {
      LOG.warn("could not look for changes of users and keys made elsewhere; looking again in {}: {}", RECHECK,
          e.toString());
    } finally {
      rechecking.set(false);
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
