package io.shaledb.core.op.tx;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.storage.Transaction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

/**
 * ClientRequestTokens of TransactWriteItems, kept for 10 minutes in the system keyspace ({@code 'X' token}) and
 * written in the same storage transaction as the writes they guard, so a retried request is recognised even after
 * a crash. The stored value is the expiry time and a fingerprint of the request's parameters.
 */
final class IdempotencyTokens {
  static final Duration WINDOW = Duration.ofMinutes(10);
  private static final byte[] PREFIX = {0, 0, 0, 0, 'X'};

  private final Clock clock;

  IdempotencyTokens(Clock clock) {
    this.clock = clock;
  }

  /**
   * True when a request with this token and the same parameters committed within the window.
   *
   * @throws DynamoException IdempotentParameterMismatchException when the token came with other parameters
   */
  boolean alreadyApplied(Transaction tx, String token, byte[] fingerprint) {
    byte[] stored = tx.get(key(token));
    if (stored == null || ByteBuffer.wrap(stored).getLong() < clock.millis()) {
      return false;
    }
    if (!Arrays.equals(stored, Long.BYTES, stored.length, fingerprint, 0, fingerprint.length)) {
      throw new DynamoException(ErrorCode.IDEMPOTENT_PARAMETER_MISMATCH, "DynamoDB rejected the request because"
          + " you retried a request with a different payload but with an idempotent token that was already used.");
    }
    return true;
  }

  void remember(Transaction tx, String token, byte[] fingerprint) {
    tx.put(key(token), ByteBuffer.allocate(Long.BYTES + fingerprint.length)
        .putLong(clock.millis() + WINDOW.toMillis()).put(fingerprint).array());
  }

  /** A digest of a request's parameters; records render their contents, so equal requests digest alike. */
  static byte[] fingerprint(Object... parameters) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(Arrays.toString(parameters).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static byte[] key(String token) {
    byte[] utf8 = token.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(PREFIX.length + utf8.length).put(PREFIX).put(utf8).array();
  }
}
