package io.shaledb.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.shaledb.core.op.Principal;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What verification needs of each access key, cached so that a request costs its HMAC chain and no read of the
 * store: the key's user and, for each service it signs for, its SigV4 signing key for the last date and region it
 * signed with (derived with four HMACs, once a day per key and service). Unknown and inactive keys are cached as
 * absent. Every change of the store empties the cache at once ({@link PrincipalStore#onChange}), so a key
 * deactivated or deleted stops working with the next request; a change by another process, within a second
 * ({@link Authenticator}).
 */
final class SigningKeys {
  private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);
  private static final int MAX_KEYS = 10_000;
  /** One Mac per thread (see {@link #hmac}). */
  private static final ThreadLocal<KeyedMac> MACS = ThreadLocal.withInitial(KeyedMac::new);

  private final PrincipalStore store;
  private final Cache<String, Optional<KnownKey>> keys = Caffeine.newBuilder().maximumSize(MAX_KEYS).build();
  /** Session credentials by access key id, each with the token it was opened from. */
  private final Cache<String, KnownKey> sessions = Caffeine.newBuilder().maximumSize(MAX_KEYS).build();
  /**
   * The key found last, read before the cache: a client signs all its requests with one key, and comparing its id
   * costs less than the cache's lookup and bookkeeping. It holds only while {@link #generation} has not moved.
   */
  private volatile @Nullable Found last;
  /** Moved by every {@link #forgetAll}, after the cache is emptied, so that no key found before is used after. */
  private final AtomicLong generation = new AtomicLong();

  SigningKeys(PrincipalStore store) {
    this.store = store;
    store.onChange(this::forgetAll);
  }

  /** Forgets every key, so the next request reads its key from the store again. */
  void forgetAll() {
    keys.invalidateAll();
    sessions.invalidateAll();
    generation.incrementAndGet();
  }

  /** The active key {@code accessKeyId}, or empty when it is unknown or inactive. */
  Optional<KnownKey> find(String accessKeyId) {
    Found seen = last;
    if (seen != null && seen.generation() == generation.get() && seen.accessKeyId().equals(accessKeyId)) {
      return seen.key();
    }
    // Read before the cache: a key the cache gives after a change is then never remembered as current.
    long current = generation.get();
    Optional<KnownKey> key = keys.get(accessKeyId, this::load);
    last = new Found(accessKeyId, key, current);
    return key;
  }

  private record Found(String accessKeyId, Optional<KnownKey> key, long generation) {}

  /**
   * The session credentials of {@code accessKeyId} that {@code token} holds, or empty when the token was not issued
   * for that id or its user is gone. A session's token is opened once and then compared, not opened again; tokens
   * that do not open are not remembered, so a wrong token sent with a session's id cannot shut the session out.
   */
  Optional<KnownKey> findSession(String accessKeyId, String token) {
    KnownKey cached = sessions.getIfPresent(accessKeyId);
    if (cached != null && token.equals(cached.token)) {
      return Optional.of(cached);
    }
    Optional<KnownKey> opened = store.sessionKey(accessKeyId, token).map(key -> new KnownKey(key, token));
    opened.ifPresent(key -> sessions.put(accessKeyId, key));
    return opened;
  }

  /** A key whose secret does not open (another key file) cannot verify anything: it is refused and logged. */
  private Optional<KnownKey> load(String accessKeyId) {
    try {
      return store.signingKey(accessKeyId).map(KnownKey::new);
    } catch (IllegalStateException e) {
      LOG.error("access key {} cannot be used: {}", accessKeyId, e.getMessage());
      return Optional.empty();
    }
  }

  /** An active key: its user and secret, and the signing key it last derived for each service. */
  static final class KnownKey {
    private final PrincipalStore.SigningKey key;
    /** Who a request verified with this key acts for. */
    private final Principal principal;
    private final byte[] secret;
    /** The session token a session's key was opened from; null for a user's own key. */
    private final @Nullable String token;
    /** By {@link SigningService} ordinal: one client may call DynamoDB and auto scaling in turn with one key. */
    private final AtomicReferenceArray<Derived> derived = new AtomicReferenceArray<>(SigningService.values().length);

    private KnownKey(PrincipalStore.SigningKey key) {
      this(key, null);
    }

    private KnownKey(PrincipalStore.SigningKey key, @Nullable String token) {
      this.key = key;
      this.principal = Principal.user(key.key().id(), key.user().name(), key.user().accountId());
      this.secret = ("AWS4" + key.secret()).getBytes(StandardCharsets.UTF_8);
      this.token = token;
    }

    Principal principal() {
      return principal;
    }

    /** Whether these are session credentials past their expiration. */
    boolean expiredAt(Instant now) {
      Instant expiration = key.expiration();
      return expiration != null && !now.isBefore(expiration);
    }

    /** The signing key for a day, region and service, derived once and kept until the next day or region. */
    byte[] signingKey(String date, String region, SigningService service) {
      Derived last = derived.get(service.ordinal());
      if (last != null && last.date.equals(date) && last.region.equals(region)) {
        return last.key;
      }
      byte[] signing = hmac(hmac(hmac(hmac(secret, date), region), service.signingName()), "aws4_request");
      derived.set(service.ordinal(), new Derived(date, region, signing));
      return signing;
    }

    private record Derived(String date, String region, byte[] key) {}
  }

  /**
   * HMAC-SHA256 with one {@link Mac} per thread: verification runs on the few event-loop threads, and looking up a
   * new Mac from the security providers cost more than the HMAC itself. A Mac keeps its key after each result, so a
   * thread that signs with the same key again (the signing key of a date, kept by {@link KnownKey}) skips setting it.
   */
  static byte[] hmac(byte[] key, String data) {
    byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
    return MACS.get().hmac(key, bytes, bytes.length);
  }

  /** HMAC-SHA256 of what {@code data} holds. */
  static byte[] hmac(byte[] key, Utf8Buffer data) {
    return MACS.get().hmac(key, data.array(), data.length());
  }

  /** A thread's Mac and the key it was last given, compared by identity. */
  private static final class KeyedMac {
    private final Mac mac;
    private byte @Nullable [] key;

    KeyedMac() {
      try {
        mac = Mac.getInstance("HmacSHA256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
      }
    }

    byte[] hmac(byte[] newKey, byte[] data, int length) {
      if (newKey != key) {
        try {
          mac.init(new SecretKeySpec(newKey, "HmacSHA256"));
        } catch (InvalidKeyException e) {
          throw new IllegalStateException("HmacSHA256 takes keys of any length", e);
        }
        key = newKey;
      }
      mac.update(data, 0, length);
      return mac.doFinal();
    }
  }
}
