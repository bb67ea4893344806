package io.shaledb.core.encryption;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that wraps every data key (AES-256). It never encrypts item data itself, so replacing it rewraps a few
 * dozen bytes per keyspace ({@link EncryptionAtRest#rotate}). Its id, a fingerprint that reveals nothing of the key,
 * is recorded in the data directory so that a server given another key refuses to start instead of failing on
 * every read.
 */
public final class MasterKey {
  /** The key's length in bytes. */
  public static final int BYTES = AesGcm.KEY_BYTES;

  private final SecretKey key;
  private final String id;

  /** @param material {@link #BYTES} random bytes */
  public MasterKey(byte[] material) {
    if (material.length != BYTES) {
      throw new IllegalArgumentException("a master key has " + BYTES + " bytes, not " + material.length);
    }
    this.key = new SecretKeySpec(material.clone(), "AES");
    this.id = fingerprint(material);
  }

  /** A new random key. */
  public static MasterKey generate() {
    return new MasterKey(AesGcm.newKey());
  }

  /** The key's fingerprint in the form of a KMS key id (a UUID), as SSEDescription's KMSMasterKeyArn names it. */
  public String id() {
    return id;
  }

  /** {@code dataKey} sealed for {@code keyspace}: the wrapped key opens only for that keyspace. */
  byte[] wrap(int keyspace, byte[] dataKey) {
    return AesGcm.seal(key, keyspaceHeader(keyspace), dataKey);
  }

  /**
   * The data key {@link #wrap} sealed for {@code keyspace}.
   *
   * @throws IllegalStateException when it does not open (another master key, or changed bytes)
   */
  SecretKey unwrap(int keyspace, byte[] wrapped) {
    try {
      return new SecretKeySpec(AesGcm.open(key, keyspaceHeader(keyspace), wrapped), "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the data key of keyspace " + keyspace + " does not open with master key "
          + id, e);
    }
  }

  static byte[] keyspaceHeader(int keyspace) {
    return ByteBuffer.allocate(Integer.BYTES).putInt(keyspace).array();
  }

  private static String fingerprint(byte[] material) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(material, "HmacSHA256"));
      ByteBuffer digest = ByteBuffer.wrap(mac.doFinal("shaledb master key id".getBytes(StandardCharsets.US_ASCII)));
      return new UUID(digest.getLong(), digest.getLong()).toString();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
