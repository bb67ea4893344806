package io.shaledb.server.auth;

import io.shaledb.server.KeyFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Seals secret access keys with AES-256-GCM under a key read from a file outside the data directory, so that a copy
 * of the data directory alone reveals no secret. SigV4 needs each secret itself (the server computes the same HMAC
 * chain as the client), so secrets cannot be stored as one-way hashes: they are encrypted, and whoever holds both the
 * data and the key file can read them (docs/security.md). Each sealed secret is bound to its access key id (GCM's
 * associated data), so a sealed secret copied under another key id does not open.
 *
 * <p>The key file holds 32 random bytes in Base64 on one line. It is created, readable by its owner only, when the
 * first access key is created and none exists yet.
 */
public final class SecretSealer {
  /** The environment variable naming the key file, when no option names one. */
  public static final String KEY_FILE_VARIABLE = "SHALEDB_AUTH_KEY_FILE";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  /** The bytes a sealed value has beyond its plain text: the nonce and the tag. */
  static final int SEALED_OVERHEAD = NONCE_BYTES + TAG_BITS / 8;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path file;
  private final SecretKeySpec key;

  private SecretSealer(Path file, byte[] key) {
    this.file = file;
    this.key = new SecretKeySpec(key, "AES");
  }

  /**
   * The key file to use: the one named, else the one {@link #KEY_FILE_VARIABLE} names, else {@code .shaledb/auth.key}
   * in the user's home directory (outside any data directory, one per operating system user).
   */
  public static Path keyFile(@Nullable Path named) {
    if (named != null) {
      return named.toAbsolutePath();
    }
    String variable = System.getenv(KEY_FILE_VARIABLE);
    if (variable != null && !variable.isBlank()) {
      return Path.of(variable).toAbsolutePath();
    }
    return Path.of(System.getProperty("user.home"), ".shaledb", "auth.key");
  }

  /**
   * Reads the key file.
   *
   * @throws IllegalStateException when it is missing or does not hold a key
   */
  public static SecretSealer open(Path file) {
    return new SecretSealer(file, KeyFile.read(file, "the key file " + file + " that seals access keys' secrets does"
        + " not exist: name the file the keys were created with (--auth-key-file or " + KEY_FILE_VARIABLE + ")"));
  }

  /** Reads the key file, first creating it with a new random key, readable by its owner only, when missing. */
  public static SecretSealer openOrCreate(Path file) {
    return new SecretSealer(file, KeyFile.readOrCreate(file));
  }

  /**
   * The sealer of {@code file}, read (or created, when missing) when first needed and then kept: a store without
   * access keys never touches it. A key created under another file does not open, and says which file it tried.
   */
  public static Supplier<SecretSealer> lazily(Path file) {
    return new Supplier<>() {
      private volatile @Nullable SecretSealer sealer;

      @Override
      public SecretSealer get() {
        SecretSealer opened = sealer;
        if (opened == null) {
          opened = openOrCreate(file);
          sealer = opened;
        }
        return opened;
      }
    };
  }

  public Path file() {
    return file;
  }

  /** The secret sealed for {@code accessKeyId}: a random nonce, then the ciphertext with its tag. */
  public byte[] seal(String accessKeyId, String secret) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, accessKeyId, secret.getBytes(StandardCharsets.UTF_8), 0);
    byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
    System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
    return out;
  }

  /**
   * The secret {@link #seal} sealed for {@code accessKeyId}.
   *
   * @throws IllegalStateException when it does not open: another key file, or data that was changed
   */
  public String open(String accessKeyId, byte[] sealed) {
    byte[] plain = crypt(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, NONCE_BYTES), accessKeyId, sealed, NONCE_BYTES);
    return new String(plain, StandardCharsets.UTF_8);
  }

  private byte[] crypt(int mode, byte[] nonce, String accessKeyId, byte[] input, int offset) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(accessKeyId.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(input, offset, input.length - offset);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the secret of access key " + accessKeyId + " does not open with the key file "
          + file + ": is it the file the key was created with?", e);
    }
  }
}
