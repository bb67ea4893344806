package io.shaledb.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ItemSizeTest {

  @Test
  void strings_countUtf8Bytes() {
    assertThat(ItemSize.of(new AttributeValue.S("abc"))).isEqualTo(3);
    assertThat(ItemSize.of(new AttributeValue.S("é"))).isEqualTo(2);
    assertThat(ItemSize.of(new AttributeValue.S("€"))).isEqualTo(3);
    assertThat(ItemSize.of(new AttributeValue.S("😀"))).isEqualTo(4);
    assertThat(ItemSize.utf8Length("a😀é€")).isEqualTo(1 + 4 + 2 + 3);
  }

  @Test
  void scalars_andContainers_followDynamoDbRules() {
    assertThat(ItemSize.of(new AttributeValue.B(Bytes.wrap(new byte[10])))).isEqualTo(10);
    assertThat(ItemSize.of(AttributeValue.Null.INSTANCE)).isEqualTo(1);
    assertThat(ItemSize.of(AttributeValue.Bool.TRUE)).isEqualTo(1);
    assertThat(ItemSize.of(new AttributeValue.L(List.of()))).isEqualTo(3);
    assertThat(ItemSize.of(new AttributeValue.M(Map.of()))).isEqualTo(3);
    assertThat(ItemSize.of(new AttributeValue.L(List.of(new AttributeValue.S("ab"))))).isEqualTo(3 + 1 + 2);
    assertThat(ItemSize.of(new AttributeValue.M(Map.of("k", new AttributeValue.S("ab"))))).isEqualTo(3 + 1 + 1 + 2);
    assertThat(ItemSize.of(new AttributeValue.SS(Set.of("a", "bc")))).isEqualTo(3);
  }

  @Test
  void item_addsAttributeNames() {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("id", new AttributeValue.S("x"));
    item.put("n", AttributeValue.N.of("12345"));
    assertThat(ItemSize.of(item)).isEqualTo(2 + 1 + 1 + ItemSize.of(DynamoNumber.parse("12345")));
  }
}
