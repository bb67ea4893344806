package io.shaledb.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.DynamoNumber;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The history record's key layout and value format. */
class BeforeImageTest {
  private static final byte[] STORED = ItemCodec.encode(Map.of("id", new AttributeValue.S("a")));

  @Test
  void encode_wholeItem_decodesToTheSameBytes() {
    assertThat(BeforeImage.decode(new BeforeImage.Whole(STORED).encode())).isEqualTo(new BeforeImage.Whole(STORED));
  }

  @Test
  void encode_absentItem_decodesToAbsent() {
    assertThat(BeforeImage.decode(new BeforeImage.Absent().encode())).isEqualTo(new BeforeImage.Absent());
  }

  @Test
  void decode_versionOneRecords_readAsTheyWereWritten() {
    // The two record formats written before partial records existed, byte for byte.
    byte[] whole = new byte[STORED.length + 2];
    whole[0] = 1;
    whole[1] = 1;
    System.arraycopy(STORED, 0, whole, 2, STORED.length);

    assertThat(BeforeImage.decode(whole).before(null)).isEqualTo(STORED);
    assertThat(BeforeImage.decode(new byte[] {1, 0}).before(STORED)).isNull();
  }

  @Test
  void of_changeOfOneAttribute_isPartialAndUndoesToThePreviousItem() {
    Map<String, AttributeValue> previous = Map.of("id", s("a"), "c", s("1"), "payload", s("x".repeat(100)),
        "gone", s("g"));
    Map<String, AttributeValue> current = Map.of("id", s("a"), "c", s("2"), "payload", s("x".repeat(100)),
        "new", s("n"));
    byte[] stored = ItemCodec.encode(previous);

    BeforeImage image = BeforeImage.decode(BeforeImage.of(stored, previous, current).encode());

    assertThat(image).isEqualTo(new BeforeImage.Partial(Map.of("c", s("1"), "gone", s("g")), Set.of("new")));
    assertThat(image.encode().length).isLessThan(stored.length / 4);
    assertThat(ItemCodec.decode(image.before(ItemCodec.encode(current)))).isEqualTo(previous);
  }

  @Test
  void of_everyAttributeReplaced_isWhole() {
    Map<String, AttributeValue> previous = Map.of("id", s("a"), "v", s("1"));

    assertThat(BeforeImage.of(ItemCodec.encode(previous), previous, Map.of("id", s("b"), "v", s("2"))))
        .isEqualTo(new BeforeImage.Whole(ItemCodec.encode(previous)));
  }

  @Test
  void of_createdAndDeletedItems_areAbsentAndWhole() {
    Map<String, AttributeValue> item = Map.of("id", s("a"));

    assertThat(BeforeImage.of(null, null, item)).isEqualTo(new BeforeImage.Absent());
    assertThat(BeforeImage.of(ItemCodec.encode(item), item, null)).isEqualTo(new BeforeImage.Whole(ItemCodec.encode(item)));
  }

  @Test
  void followedBy_twoPartialChanges_undoBothWithTheFirstDecidingWhatItNames() {
    Map<String, AttributeValue> first = Map.of("id", s("a"), "x", s("0"), "y", s("0"));
    Map<String, AttributeValue> second = Map.of("id", s("a"), "x", s("1"), "y", s("0"), "z", s("1"));
    Map<String, AttributeValue> third = Map.of("id", s("a"), "x", s("2"), "y", s("2"));

    BeforeImage both = BeforeImage.of(ItemCodec.encode(first), first, second)
        .followedBy(BeforeImage.of(ItemCodec.encode(second), second, third));

    assertThat(ItemCodec.decode(both.before(ItemCodec.encode(third)))).isEqualTo(first);
  }

  @Test
  void followedBy_partialChangeThenDeletion_isTheWholeItemBeforeBoth() {
    Map<String, AttributeValue> first = Map.of("id", s("a"), "x", s("0"), "y", s("0"));
    Map<String, AttributeValue> second = Map.of("id", s("a"), "x", s("1"), "y", s("0"));

    BeforeImage both = BeforeImage.of(ItemCodec.encode(first), first, second)
        .followedBy(BeforeImage.of(ItemCodec.encode(second), second, null));

    assertThat(both).isInstanceOf(BeforeImage.Whole.class);
    assertThat(ItemCodec.decode(both.before(null))).isEqualTo(first);
  }

  private static AttributeValue s(String value) {
    return new AttributeValue.S(value);
  }

  @Test
  void decode_recordsAppendedInOneMillisecond_readAsTheItemBeforeTheFirst() {
    Map<String, AttributeValue> first = Map.of("id", s("a"), "v", s("1"), "payload", s("x".repeat(100)));
    Map<String, AttributeValue> second = Map.of("id", s("a"), "v", s("2"), "payload", s("x".repeat(100)));
    Map<String, AttributeValue> third = Map.of("id", s("a"), "v", s("2"), "w", s("1"), "payload", s("x".repeat(100)));
    byte[] one = BeforeImage.of(ItemCodec.encode(first), first, second).appendable();
    byte[] two = BeforeImage.of(ItemCodec.encode(second), second, third).appendable();
    byte[] both = Arrays.copyOf(one, one.length + two.length);
    System.arraycopy(two, 0, both, one.length, two.length);

    assertThat(BeforeImage.decode(one)).isEqualTo(BeforeImage.of(ItemCodec.encode(first), first, second));
    assertThat(ItemCodec.decode(BeforeImage.decode(both).before(ItemCodec.encode(third)))).isEqualTo(first);
  }

  @Test
  void decode_appendedRecordsOfADeletionAndACreation_readAsTheItemBeforeBoth() {
    Map<String, AttributeValue> item = Map.of("id", s("a"), "v", s("1"));
    byte[] deleted = BeforeImage.of(ItemCodec.encode(item), item, null).appendable();
    byte[] created = BeforeImage.of(null, null, item).appendable();
    byte[] both = Arrays.copyOf(deleted, deleted.length + created.length);
    System.arraycopy(created, 0, both, deleted.length, created.length);

    assertThat(BeforeImage.decode(both)).isEqualTo(new BeforeImage.Whole(ItemCodec.encode(item)));
  }

  @Test
  void decode_appendedRecordFollowedByAnUnframedOne_isRefused() {
    byte[] appended = new BeforeImage.Absent().appendable();
    byte[] mixed = Arrays.copyOf(appended, appended.length + 2);
    mixed[appended.length] = BeforeImage.WHOLE_VERSION;

    assertThatThrownBy(() -> BeforeImage.decode(mixed))
        .isInstanceOf(IllegalStateException.class).hasMessage("a history value mixes record formats");
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
