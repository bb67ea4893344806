package io.shaledb.core.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.model.AttributeType;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.Bytes;
import io.shaledb.core.model.DynamoNumber;
import io.shaledb.core.model.ItemSize;
import io.shaledb.core.model.RandomItems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ItemCodecTest {

  @Test
  void randomItems_roundTrip_andCarryTheirSize() {
    long seed = new Random().nextLong();
    System.out.println("ItemCodecTest seed " + seed);
    Random random = new Random(seed);
    for (int i = 0; i < 2_000; i++) {
      Map<String, AttributeValue> item = RandomItems.item(random);
      byte[] stored = ItemCodec.encode(item);
      assertThat(ItemCodec.decode(stored)).as("seed %d", seed).isEqualTo(item);
      assertThat(ItemCodec.itemSize(stored)).isEqualTo(ItemSize.of(item));
    }
  }

  @Test
  void visit_reportsTheStoredContentInOrder() throws IOException {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("s", new AttributeValue.S("é"));
    item.put("n", new AttributeValue.N(DynamoNumber.parse("1.50")));
    item.put("b", new AttributeValue.B(Bytes.wrap(new byte[] {7})));
    item.put("l", new AttributeValue.L(List.of(AttributeValue.Null.INSTANCE, new AttributeValue.M(Map.of()))));
    item.put("ns", new AttributeValue.NS(Set.of(DynamoNumber.of(2))));
    StringBuilder events = new StringBuilder();
    ItemCodec.visit(ItemCodec.encode(item), new StoredItemVisitor() {
      @Override
      public void beginMap(int size) {
        events.append("{").append(size);
      }

      @Override
      public void name(byte[] utf8, int offset, int length) {
        events.append(' ').append(new String(utf8, offset, length, StandardCharsets.UTF_8)).append(':');
      }

      @Override
      public void endMap() {
        events.append('}');
      }

      @Override
      public void beginValue(AttributeType type) {
        events.append(type).append('(');
      }

      @Override
      public void endValue() {
        events.append(')');
      }

      @Override
      public void text(byte[] utf8, int offset, int length) {
        events.append('"').append(new String(utf8, offset, length, StandardCharsets.UTF_8)).append('"');
      }

      @Override
      public void binary(byte[] bytes, int offset, int length) {
        events.append("0x").append(HexFormat.of().formatHex(bytes, offset, offset + length));
      }

      @Override
      public void beginArray(int size) {
        events.append('[').append(size);
      }

      @Override
      public void endArray() {
        events.append(']');
      }

      @Override
      public void bool(boolean value) {
        events.append(value);
      }
    });
    assertThat(events).hasToString("{5 s:S(\"é\") n:N(\"1.5\") b:B(0x07) l:L([2NULL(true)M({0})]) ns:NS([1\"2\"])}");
  }
}
