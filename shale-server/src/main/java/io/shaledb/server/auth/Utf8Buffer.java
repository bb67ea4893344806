package io.shaledb.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A thread's buffer for text that is only hashed or MACed as UTF-8: SigV4's canonical request and string to sign are
 * written here as bytes and fed to the digest from here, rather than built as a String and encoded again. Verification
 * runs on every request on the few event-loop threads, so each thread keeps one buffer; it holds one text at a time,
 * which its user consumes before anything else on the thread writes the next.
 */
final class Utf8Buffer {
  private static final ThreadLocal<Utf8Buffer> BUFFERS = ThreadLocal.withInitial(Utf8Buffer::new);
  /** Each byte's two lower-case hex digits, at twice its unsigned value: one lookup a byte rather than two. */
  private static final byte[] HEX_PAIRS = hexPairs();

  private byte[] bytes = new byte[512];
  private int length;

  private Utf8Buffer() {}

  /** This thread's buffer, emptied. */
  static Utf8Buffer cleared() {
    Utf8Buffer buffer = BUFFERS.get();
    buffer.length = 0;
    return buffer;
  }

  /** An ASCII character: the canonical forms' separators. */
  Utf8Buffer append(char c) {
    room(1);
    bytes[length++] = (byte) c;
    return this;
  }

  Utf8Buffer append(String text) {
    return append(text, 0, text.length());
  }

  /** The characters of {@code text} from {@code start} to {@code end}, as UTF-8. */
  Utf8Buffer append(String text, int start, int end) {
    room(end - start);
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        // Rare in a request's signed parts: the rest is encoded as String.getBytes encodes it (an unpaired surrogate
        // as '?'), so that the bytes are the ones the client hashed.
        byte[] utf8 = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
        room(utf8.length);
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
        return this;
      }
      bytes[length++] = (byte) c;
    }
    return this;
  }

  /** Bytes as they are: text encoded before. */
  Utf8Buffer append(byte[] utf8) {
    room(utf8.length);
    System.arraycopy(utf8, 0, bytes, length, utf8.length);
    length += utf8.length;
    return this;
  }

  /** {@code value} in lower-case hex. */
  Utf8Buffer appendHex(byte[] value) {
    room(value.length * 2);
    for (byte b : value) {
      int pair = (b & 0xff) * 2;
      bytes[length] = HEX_PAIRS[pair];
      bytes[length + 1] = HEX_PAIRS[pair + 1];
      length += 2;
    }
    return this;
  }

  private static byte[] hexPairs() {
    byte[] digits = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    byte[] pairs = new byte[512];
    for (int b = 0; b < 256; b++) {
      pairs[b * 2] = digits[b >> 4];
      pairs[b * 2 + 1] = digits[b & 0xf];
    }
    return pairs;
  }

  /** Feeds what the buffer holds to {@code digest}. */
  void updateDigest(MessageDigest digest) {
    digest.update(bytes, 0, length);
  }

  byte[] array() {
    return bytes;
  }

  int length() {
    return length;
  }

  /** What the buffer holds, as text: for error messages, which show it. */
  String text() {
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }

  private void room(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }
}
