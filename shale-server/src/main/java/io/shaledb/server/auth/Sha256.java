package io.shaledb.server.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 with one digest per thread: verification hashes every request's body and canonical request on the few
 * event-loop threads, and looking up a new digest from the security providers for each cost more than the hashing.
 */
public final class Sha256 {
  private static final ThreadLocal<MessageDigest> DIGESTS = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  });

  private Sha256() {}

  /** This thread's digest, reset. */
  public static MessageDigest digest() {
    MessageDigest digest = DIGESTS.get();
    digest.reset();
    return digest;
  }
}
