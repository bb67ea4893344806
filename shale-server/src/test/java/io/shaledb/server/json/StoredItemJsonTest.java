package io.shaledb.server.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.RandomItems;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StoredItemJsonTest {

  private interface Writer {
    void write(JsonGenerator g) throws IOException;
  }

  private static String json(Writer writer) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      writer.write(g);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void storedItems_writeTheSameJsonAsTheirDecodedForm() throws IOException {
    long seed = new Random().nextLong();
    System.out.println("StoredItemJsonTest seed " + seed);
    Random random = new Random(seed);
    for (int i = 0; i < 2_000; i++) {
      Map<String, AttributeValue> item = RandomItems.item(random);
      byte[] stored = ItemCodec.encode(item);
      assertThat(json(g -> StoredItemJson.write(g, stored)))
          .as("seed %d", seed)
          .isEqualTo(json(g -> AttributeValueWriter.writeMap(g, item)));
    }
  }
}
