package io.shaledb.core.encryption;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-GCM with a random 96-bit nonce per sealing, written in front of the ciphertext and its 128-bit tag. Random
 * nonces keep a data key safe for some four billion sealings per key under NIST SP 800-38D's bound, without a
 * counter that would have to survive restarts.
 *
 * <p>Making a cipher (looking it up from the security providers) and seeding a random source each cost more than
 * sealing a value, so both are made once and lent to one thread at a time ({@link #borrow}). They are not kept per
 * thread: item calls that may block run on virtual threads, one per request, and a thread-local cipher was made
 * again for every write. The random source is a DRBG of its own per cipher (NIST SP 800-90A), rather than the
 * platform's default, which every caller shares behind one lock and mixes with reads of {@code /dev/urandom}.
 */
final class AesGcm {
  static final int NONCE_BYTES = 12;
  static final int TAG_BYTES = 16;
  static final int KEY_BYTES = 32;
  /** Idle ciphers; a power of two, well above the number of threads that seal at the same moment. */
  private static final int SLOTS = 64;
  /** How many slots a borrower looks in before it makes a cipher of its own. */
  private static final int PROBES = 4;
  private static final AtomicReferenceArray<Gcm> IDLE = new AtomicReferenceArray<>(SLOTS);

  private AesGcm() {}

  /** How many nonces one draw from the random source makes: each draw costs the DRBG's update of its own state. */
  private static final int NONCES_PER_DRAW = 64;

  /** A cipher, with its own random source and nonces drawn from it ahead of use. */
  private static final class Gcm {
    final Cipher cipher;
    final SecureRandom random;
    final byte[] nonce = new byte[NONCE_BYTES];
    private final byte[] drawn = new byte[NONCE_BYTES * NONCES_PER_DRAW];
    private int used = drawn.length;

    Gcm() {
      try {
        cipher = Cipher.getInstance("AES/GCM/NoPadding");
        random = SecureRandom.getInstance("DRBG");
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES/GCM and DRBG are part of every JDK", e);
      }
    }

    /** Fills {@link #nonce} with the next random bytes drawn, each used once. */
    void nextNonce() {
      if (used == drawn.length) {
        random.nextBytes(drawn);
        used = 0;
      }
      System.arraycopy(drawn, used, nonce, 0, NONCE_BYTES);
      used += NONCE_BYTES;
    }
  }

  /** An idle cipher near this thread's slot, or a new one when those are all lent out. */
  private static Gcm borrow() {
    int slot = slot();
    for (int probe = 0; probe < PROBES; probe++) {
      Gcm idle = IDLE.getAndSet((slot + probe) & (SLOTS - 1), null);
      if (idle != null) {
        return idle;
      }
    }
    return new Gcm();
  }

  /** Puts a cipher back where this thread looks first; one that finds the slot taken is left to the collector. */
  private static void giveBack(Gcm gcm) {
    IDLE.compareAndSet(slot(), null, gcm);
  }

  private static int slot() {
    return (int) Thread.currentThread().threadId() & (SLOTS - 1);
  }

  /** A fresh random key. */
  static byte[] newKey() {
    byte[] key = new byte[KEY_BYTES];
    Gcm gcm = borrow();
    try {
      gcm.random.nextBytes(key);
    } finally {
      giveBack(gcm);
    }
    return key;
  }

  /**
   * {@code plain} sealed under {@code key}, after {@code header} (written in clear and authenticated with the rest):
   * {@code header, nonce, ciphertext, tag}.
   */
  static byte[] seal(SecretKey key, byte[] header, byte[] plain) {
    byte[] out = new byte[header.length + NONCE_BYTES + plain.length + TAG_BYTES];
    System.arraycopy(header, 0, out, 0, header.length);
    Gcm gcm = borrow();
    try {
      gcm.nextNonce();
      System.arraycopy(gcm.nonce, 0, out, header.length, NONCE_BYTES);
      gcm.cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, gcm.nonce));
      gcm.cipher.updateAAD(header);
      gcm.cipher.doFinal(plain, 0, plain.length, out, header.length + NONCE_BYTES);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM refused a key or nonce it made itself", e);
    } finally {
      giveBack(gcm);
    }
  }

  /**
   * What {@link #seal} sealed with the same key and {@code header}.
   *
   * @throws GeneralSecurityException when it does not open: another key or header, or bytes that were changed
   */
  static byte[] open(SecretKey key, byte[] header, byte[] sealed) throws GeneralSecurityException {
    if (sealed.length < header.length + NONCE_BYTES + TAG_BYTES
        || !Arrays.equals(sealed, 0, header.length, header, 0, header.length)) {
      throw new GeneralSecurityException("not a value sealed with this header");
    }
    Gcm gcm = borrow();
    try {
      Cipher cipher = gcm.cipher;
      cipher.init(Cipher.DECRYPT_MODE, key,
          new GCMParameterSpec(TAG_BYTES * 8, sealed, header.length, NONCE_BYTES));
      cipher.updateAAD(header);
      int offset = header.length + NONCE_BYTES;
      return cipher.doFinal(sealed, offset, sealed.length - offset);
    } finally {
      giveBack(gcm);
    }
  }
}
