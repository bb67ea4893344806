package io.shaledb.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A file holding one 32-byte key in Base64 on one line, kept outside the data directory: the key that seals access
 * keys' secrets, and the master key of encryption at rest. Created readable by its owner only.
 */
public final class KeyFile {
  /** The length of every key kept in such a file. */
  public static final int KEY_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private KeyFile() {}

  /**
   * The key in {@code file}.
   *
   * @param missing the message when it does not exist, saying how to name the right file
   * @throws IllegalStateException when it is missing or does not hold a key
   */
  public static byte[] read(Path file, String missing) {
    if (!Files.exists(file)) {
      throw new IllegalStateException(missing);
    }
    try {
      byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
      if (key.length != KEY_BYTES) {
        throw new IllegalStateException("the key file " + file + " does not hold a " + KEY_BYTES + "-byte key");
      }
      return key;
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the key file " + file + " does not hold a Base64 key", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the key file " + file, e);
    }
  }

  /** Reads {@code file}, first creating it with a new random key, readable by its owner only, when missing. */
  public static byte[] readOrCreate(Path file) {
    if (!Files.exists(file)) {
      byte[] key = new byte[KEY_BYTES];
      RANDOM.nextBytes(key);
      try {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
      } catch (FileAlreadyExistsException raced) {
        // Another process created it first: use theirs.
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the key file " + file, e);
      }
    }
    return read(file, "the key file " + file + " was removed while it was read");
  }
}
