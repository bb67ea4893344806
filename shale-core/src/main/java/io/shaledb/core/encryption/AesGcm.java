package io.shaledb.core.encryption;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-GCM with a random 96-bit nonce per sealing, written in front of the ciphertext and its 128-bit tag. Random
 * nonces keep a data key safe for some four billion sealings per key under NIST SP 800-38D's bound, without a
 * counter that would have to survive restarts. Each thread keeps its own cipher and random source: looking either up
 * from the security providers for every value cost more than the encryption itself.
 */
final class AesGcm {
  static final int NONCE_BYTES = 12;
  static final int TAG_BYTES = 16;
  static final int KEY_BYTES = 32;
  private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM is part of every JDK", e);
    }
  });
  private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

  private AesGcm() {}

  /** A fresh random key. */
  static byte[] newKey() {
    byte[] key = new byte[KEY_BYTES];
    RANDOM.get().nextBytes(key);
    return key;
  }

  /**
   * {@code plain} sealed under {@code key}, after {@code header} (written in clear and authenticated with the rest):
   * {@code header, nonce, ciphertext, tag}.
   */
  static byte[] seal(SecretKey key, byte[] header, byte[] plain) {
    byte[] out = new byte[header.length + NONCE_BYTES + plain.length + TAG_BYTES];
    System.arraycopy(header, 0, out, 0, header.length);
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.get().nextBytes(nonce);
    System.arraycopy(nonce, 0, out, header.length, NONCE_BYTES);
    try {
      Cipher cipher = CIPHERS.get();
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
      cipher.updateAAD(header);
      cipher.doFinal(plain, 0, plain.length, out, header.length + NONCE_BYTES);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM refused a key or nonce it made itself", e);
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
    Cipher cipher = CIPHERS.get();
    cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, sealed, header.length, NONCE_BYTES));
    cipher.updateAAD(header);
    int offset = header.length + NONCE_BYTES;
    return cipher.doFinal(sealed, offset, sealed.length - offset);
  }
}
