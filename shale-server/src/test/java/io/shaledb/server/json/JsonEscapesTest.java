package io.shaledb.server.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonEscapesTest {

  private static boolean neededOneByOne(byte[] utf8, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      int b = utf8[i] & 0xFF;
      if (b < 0x20 || b == '"' || b == '\\') {
        return true;
      }
    }
    return false;
  }

  @Test
  void agreesWithAByteByByteCheck_onEveryByteValueAtEveryPosition() {
    for (int value = 0; value < 256; value++) {
      for (int position = 0; position < 19; position++) {
        byte[] text = "abcdefghijklmnopqrs".getBytes(StandardCharsets.UTF_8);
        text[position] = (byte) value;
        for (int offset = 0; offset < 3; offset++) {
          int length = text.length - offset;
          assertThat(JsonEscapes.needed(text, offset, length))
              .as("byte 0x%02x at %d, offset %d", value, position, offset)
              .isEqualTo(neededOneByOne(text, offset, length));
        }
      }
    }
  }

  @Test
  void agreesWithAByteByByteCheck_onRandomText() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int i = 0; i < 20_000; i++) {
      byte[] text = new byte[random.nextInt(40)];
      for (int b = 0; b < text.length; b++) {
        text[b] = (byte) (random.nextInt(8) == 0 ? random.nextInt(256) : 'a' + random.nextInt(26));
      }
      int offset = text.length == 0 ? 0 : random.nextInt(text.length);
      int length = random.nextInt(text.length - offset + 1);
      assertThat(JsonEscapes.needed(text, offset, length)).as("seed %d", seed)
          .isEqualTo(neededOneByOne(text, offset, length));
    }
  }
}
