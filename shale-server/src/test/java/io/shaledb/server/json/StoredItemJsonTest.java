package io.shaledb.server.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.RandomItems;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
  void pagesOfStoredItems_writeTheSameJsonAsTheirDecodedForm() throws IOException {
    long seed = new Random().nextLong();
    System.out.println("StoredItemJsonTest seed " + seed);
    Random random = new Random(seed);
    for (int page = 0; page < 200; page++) {
      List<Map<String, AttributeValue>> items = new ArrayList<>();
      for (int i = random.nextInt(20); i >= 0; i--) {
        items.add(RandomItems.item(random));
      }
      String transcoded = json(g -> {
        StoredItemJson writer = StoredItemJson.to(g);
        g.writeStartArray();
        for (Map<String, AttributeValue> item : items) {
          writer.write(ItemCodec.encode(item));
        }
        g.writeEndArray();
      });
      String fromModel = json(g -> {
        g.writeStartArray();
        for (Map<String, AttributeValue> item : items) {
          AttributeValueWriter.writeMap(g, item);
        }
        g.writeEndArray();
      });
      assertThat(transcoded).as("seed %d", seed).isEqualTo(fromModel);
    }
  }
}
