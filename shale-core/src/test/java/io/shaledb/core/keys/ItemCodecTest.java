package io.shaledb.core.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.Bytes;
import io.shaledb.core.model.DynamoNumber;
import io.shaledb.core.model.ItemSize;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
      Map<String, AttributeValue> item = new LinkedHashMap<>();
      int attributes = 1 + random.nextInt(6);
      for (int a = 0; a < attributes; a++) {
        item.put("attr" + a + "é", value(random, 3));
      }
      byte[] stored = ItemCodec.encode(item);
      assertThat(ItemCodec.decode(stored)).as("seed %d", seed).isEqualTo(item);
      assertThat(ItemCodec.itemSize(stored)).isEqualTo(ItemSize.of(item));
    }
  }

  private static AttributeValue value(Random random, int depth) {
    int kind = random.nextInt(depth > 0 ? 10 : 8);
    return switch (kind) {
      case 0 -> new AttributeValue.S("s" + random.nextInt() + (random.nextBoolean() ? "😀" : ""));
      case 1 -> new AttributeValue.N(DynamoNumber.of(random.nextLong()));
      case 2 -> new AttributeValue.B(Bytes.wrap(new byte[] {(byte) random.nextInt(), 0, (byte) 0xFF}));
      case 3 -> new AttributeValue.SS(Set.of("a", "b" + random.nextInt(5)));
      case 4 -> new AttributeValue.NS(new LinkedHashSet<>(List.of(DynamoNumber.of(1), DynamoNumber.parse("2.5"))));
      case 5 -> new AttributeValue.BS(Set.of(Bytes.wrap(new byte[] {1}), Bytes.wrap(new byte[0])));
      case 6 -> random.nextBoolean() ? AttributeValue.Null.INSTANCE : AttributeValue.Bool.of(random.nextBoolean());
      case 7 -> new AttributeValue.S("");
      case 8 -> {
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          map.put("k" + i, value(random, depth - 1));
        }
        yield new AttributeValue.M(map);
      }
      default -> {
        List<AttributeValue> list = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          list.add(value(random, depth - 1));
        }
        yield new AttributeValue.L(list);
      }
    };
  }
}
