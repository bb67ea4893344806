package io.shaledb.core.op.tx;

import io.shaledb.core.catalog.SystemKeyspace;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.storage.Transaction;
import io.shaledb.core.write.WriteGuard;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * ClientRequestTokens of TransactWriteItems, kept for 10 minutes in the system keyspace
 * ({@link SystemKeyspace#token}) and written in the same storage transaction as the writes they guard, so a retried
 * request is recognised even after a crash. The stored value is the expiry time and a fingerprint of the request's
 * parameters; a second key orders tokens by expiry ({@link SystemKeyspace#tokenExpiry}) so that expired ones are
 * deleted in the background without scanning the live ones.
 */
public final class IdempotencyTokens {
  static final Duration WINDOW = Duration.ofMinutes(10);

  private final Clock clock;

  public IdempotencyTokens(Clock clock) {
    this.clock = clock;
  }

  /** The guard of one request's token: it applies once within the window. */
  public WriteGuard guard(String token, byte[] fingerprint) {
    return new WriteGuard() {
      @Override
      public boolean alreadyApplied(Transaction tx) {
        return IdempotencyTokens.this.alreadyApplied(tx, token, fingerprint);
      }

      @Override
      public void record(Transaction tx) {
        remember(tx, token, fingerprint);
      }
    };
  }

  /**
   * True when a request with this token and the same parameters committed within the window.
   *
   * @throws DynamoException IdempotentParameterMismatchException when the token came with other parameters
   */
  boolean alreadyApplied(Transaction tx, String token, byte[] fingerprint) {
    byte[] stored = tx.get(SystemKeyspace.token(token));
    if (stored == null || expiry(stored) < clock.millis()) {
      return false;
    }
    if (!Arrays.equals(stored, Long.BYTES, stored.length, fingerprint, 0, fingerprint.length)) {
      throw new DynamoException(ErrorCode.IDEMPOTENT_PARAMETER_MISMATCH, "DynamoDB rejected the request because"
          + " you retried a request with a different payload but with an idempotent token that was already used.");
    }
    return true;
  }

  /** Records a token (replacing an expired one of the same text) in the transaction that applies its request. */
  void remember(Transaction tx, String token, byte[] fingerprint) {
    byte[] replaced = tx.get(SystemKeyspace.token(token));
    if (replaced != null) {
      tx.delete(SystemKeyspace.tokenExpiry(expiry(replaced), token));
    }
    long expiry = clock.millis() + WINDOW.toMillis();
    tx.put(SystemKeyspace.token(token), ByteBuffer.allocate(Long.BYTES + fingerprint.length)
        .putLong(expiry).put(fingerprint).array());
    tx.put(SystemKeyspace.tokenExpiry(expiry, token), new byte[0]);
  }

  /**
   * Deletes the token an expiry key names, if that key is still its expiry (a token used again after it expired has a
   * new one), and the expiry key itself.
   */
  public static void forget(Transaction tx, byte[] expiryKey) {
    String token = SystemKeyspace.expiringToken(expiryKey);
    byte[] stored = tx.get(SystemKeyspace.token(token));
    if (stored != null && Arrays.equals(SystemKeyspace.tokenExpiry(expiry(stored), token), expiryKey)) {
      tx.delete(SystemKeyspace.token(token));
    }
    tx.delete(expiryKey);
  }

  private static long expiry(byte[] stored) {
    return ByteBuffer.wrap(stored).getLong();
  }

  /** A digest of a request's parameters; records render their contents, so equal requests digest alike. */
  public static byte[] fingerprint(@Nullable Object... parameters) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(Arrays.toString(parameters).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
