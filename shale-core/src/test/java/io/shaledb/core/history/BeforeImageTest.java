package io.shaledb.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.DynamoNumber;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The history record's key layout and value format. */
class BeforeImageTest {
  private static final byte[] STORED = ItemCodec.encode(Map.of("id", new AttributeValue.S("a")));

  @Test
  void encode_presentItem_decodesToTheSameBytes() {
    assertThat(BeforeImage.decode(new BeforeImage(STORED).encode()).stored()).isEqualTo(STORED);
  }

  @Test
  void encode_absentItem_decodesToAbsent() {
    assertThat(BeforeImage.decode(new BeforeImage(null).encode()).stored()).isNull();
  }

  @Test
  void decode_unknownVersion_isRefused() {
    assertThatThrownBy(() -> BeforeImage.decode(new byte[] {9, 0}))
        .isInstanceOf(IllegalStateException.class).hasMessage("unknown history record format 9");
  }

  @Test
  void key_ofAnItemAndTime_givesBackBoth() {
    byte[] item = KeyCodec.itemKey(7, new AttributeValue.S("a"), new AttributeValue.N(DynamoNumber.parse("12")));

    byte[] key = HistoryKeys.key(9, item, 1_780_000_000_123L);

    assertThat(HistoryKeys.itemKey(key, 7)).isEqualTo(item);
    assertThat(HistoryKeys.millis(key)).isEqualTo(1_780_000_000_123L);
    assertThat(Arrays.copyOf(key, 4)).isEqualTo(new byte[] {0, 0, 0, 9});
  }

  @Test
  void key_ordersByItemThenTime() {
    byte[] a = KeyCodec.itemKey(7, new AttributeValue.S("a"), new AttributeValue.S("x"));
    byte[] longerSortKey = KeyCodec.itemKey(7, new AttributeValue.S("a"), new AttributeValue.S("xy"));

    assertThat(Arrays.compareUnsigned(HistoryKeys.key(9, a, 5), HistoryKeys.key(9, a, 6))).isNegative();
    assertThat(Arrays.compareUnsigned(HistoryKeys.key(9, a, Long.MAX_VALUE), HistoryKeys.key(9, longerSortKey, 0)))
        .isNegative();
  }
}
