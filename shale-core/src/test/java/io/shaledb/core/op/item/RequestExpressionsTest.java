package io.shaledb.core.op.item;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.model.AttributeValue;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestExpressionsTest {
  private static final List<String> ONE_EXPRESSION = Collections.singletonList("#a = :b");
  private static final List<String> NO_EXPRESSION = Collections.nCopies(2, null);

  @ParameterizedTest
  @ValueSource(strings = {"#a", "#A_1", "#_", "#0"})
  void nameKey_accepted(String key) {
    assertThatCode(() -> RequestExpressions.binder(Map.of(key, "a"), null, ONE_EXPRESSION))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"#", "a", ":a", "#a-b", "#a.b", "#\u00e9", "##a", "#a "})
  void nameKey_rejected(String key) {
    assertThatThrownBy(() -> RequestExpressions.binder(Map.of(key, "a"), null, ONE_EXPRESSION))
        .hasMessage("ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + key + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {":", "v", "#v", ":v-1", "::v"})
  void valueKey_rejected(String key) {
    Map<String, AttributeValue> values = Map.of(key, new AttributeValue.S("x"));
    assertThatThrownBy(() -> RequestExpressions.binder(null, values, ONE_EXPRESSION))
        .hasMessage("ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + key + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {":v", ":V_9", ":0"})
  void valueKey_accepted(String key) {
    Map<String, AttributeValue> values = Map.of(key, new AttributeValue.S("x"));
    assertThatCode(() -> RequestExpressions.binder(null, values, ONE_EXPRESSION)).doesNotThrowAnyException();
  }

  @Test
  void namesWithoutAnyExpression_rejected() {
    assertThatThrownBy(() -> RequestExpressions.binder(Map.of("#a", "a"), null, NO_EXPRESSION))
        .hasMessage("ExpressionAttributeNames can only be specified when using expressions");
  }

  @Test
  void valuesWithoutAnyExpression_rejected() {
    assertThatThrownBy(() -> RequestExpressions.binder(null, Map.of(":a", new AttributeValue.S("x")), NO_EXPRESSION))
        .hasMessage("ExpressionAttributeValues can only be specified when using expressions");
  }
}
