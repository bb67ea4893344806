package io.shaledb.server.json;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a request body through while checking that it is well-formed UTF-8, byte by byte as the parser reads it
 * (the sequences of the Unicode Standard's table 3-7, as RFC 3629 defines UTF-8), and fails with a
 * {@link CharConversionException} at the first byte that is not.
 *
 * <p>Jackson's UTF-8 decoder is lenient: it accepts overlong forms ({@code C0 80} becomes NUL), encoded surrogates
 * ({@code ED A0 80}) and sequences past U+10FFFF, and turns them into other characters, so text would be stored
 * other than it was sent. DynamoDB's JSON protocol is UTF-8, and input that is not valid UTF-8 is refused, never
 * changed.
 *
 * <p>A NUL byte is refused too: JSON text never holds one outside an escape, and without one Jackson cannot take
 * the body for UTF-16 or UTF-32, which it guesses from NUL bytes among the first four.
 */
final class Utf8CheckingInputStream extends InputStream {
  private final InputStream in;
  private long offset;
  /** Continuation bytes the current sequence still needs. */
  private int pending;
  /** The range the next continuation byte must fall in; narrower than 80..BF right after some lead bytes. */
  private int lowest = 0x80;
  private int highest = 0xbf;

  Utf8CheckingInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b < 0) {
      checkComplete();
    } else {
      check(b, offset++);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int from, int length) throws IOException {
    int n = in.read(buffer, from, length);
    if (n < 0) {
      checkComplete();
      return n;
    }
    for (int i = from; i < from + n; i++) {
      byte b = buffer[i];
      // ASCII other than NUL outside a sequence, nearly every byte of a request, changes no state: the test that
      // lets it through is the whole cost of the check for such a byte.
      if (pending > 0 || b <= 0) {
        check(b & 0xff, offset + i - from);
      }
    }
    offset += n;
    return n;
  }

  /** Checks byte {@code b}, read at {@code at} in the body. */
  private void check(int b, long at) throws CharConversionException {
    if (pending > 0) {
      if (b < lowest || b > highest) {
        throw invalid(b, at);
      }
      pending--;
      lowest = 0x80;
      highest = 0xbf;
    } else if (b > 0x7f || b == 0) {
      lead(b, at);
    }
  }

  private void lead(int b, long at) throws CharConversionException {
    if (b >= 0xc2 && b <= 0xdf) {
      expect(1, 0x80, 0xbf);
    } else if (b == 0xe0) {
      expect(2, 0xa0, 0xbf);
    } else if (b == 0xed) {
      expect(2, 0x80, 0x9f);
    } else if (b >= 0xe1 && b <= 0xef) {
      expect(2, 0x80, 0xbf);
    } else if (b == 0xf0) {
      expect(3, 0x90, 0xbf);
    } else if (b >= 0xf1 && b <= 0xf3) {
      expect(3, 0x80, 0xbf);
    } else if (b == 0xf4) {
      expect(3, 0x80, 0x8f);
    } else {
      throw invalid(b, at);
    }
  }

  private void expect(int continuations, int nextLowest, int nextHighest) {
    pending = continuations;
    lowest = nextLowest;
    highest = nextHighest;
  }

  private void checkComplete() throws CharConversionException {
    if (pending > 0) {
      throw new CharConversionException("the body ends inside a UTF-8 sequence");
    }
  }

  private static CharConversionException invalid(int b, long at) {
    return new CharConversionException(String.format("byte 0x%02x at offset %d is not valid UTF-8 here", b, at));
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
