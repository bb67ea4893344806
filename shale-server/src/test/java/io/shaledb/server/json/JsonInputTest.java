package io.shaledb.server.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.model.AttributeValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Whole request bodies: whatever the parser meets, reading ends in DynamoDB's error or a value. */
class JsonInputTest {

  /** Reads {@code {"Item": {...}}}, skipping every other member, as the operations' readers do. */
  private static Map<String, AttributeValue> readItem(byte[] body) throws IOException {
    try (JsonInput in = JsonInput.over(new ByteArrayInputStream(body))) {
      Map<String, AttributeValue> item = in.readRequest(r -> {
        Map<String, AttributeValue> read = null;
        r.beginRequest();
        while (r.nextField()) {
          if (r.fieldName().equals("Item")) {
            read = r.readAttributeMap();
          } else if (r.fieldName().equals("Limit")) {
            r.readLong();
          } else {
            r.skipValue();
          }
        }
        return read;
      });
      if (in.deferredError() != null) {
        throw in.deferredError();
      }
      return item;
    }
  }

  private static Map<String, AttributeValue> readItem(String body) throws IOException {
    return readItem(body.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code {"Item":{"a":{"S":"<prefix><bytes>"}}}}. */
  private static byte[] itemWithBytes(String hex) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes("{\"Item\":{\"a\":{\"S\":\"x".getBytes(StandardCharsets.UTF_8));
    body.writeBytes(HexFormat.of().parseHex(hex));
    body.writeBytes("\"}}}".getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  private static void assertSerializationError(ThrowingBody body) {
    assertThatThrownBy(body::read)
        .isInstanceOfSatisfying(DynamoException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.SERIALIZATION);
          assertThat(e.getMessage()).isNull();
        });
  }

  @FunctionalInterface
  private interface ThrowingBody {
    Object read() throws IOException;
  }

  @Test
  void readItem_wellFormedMultiByteUtf8_readsAsSent() throws IOException {
    assertThat(readItem(itemWithBytes("c3a9e282acf09f9880f48fbfbf")))
        .isEqualTo(Map.of("a", new AttributeValue.S("xé€😀\udbff\udfff")));
  }

  /**
   * Overlong forms, encoded surrogates, code points past U+10FFFF, stray and missing continuation bytes, bytes that
   * are never UTF-8, and NUL: Jackson alone decodes the first three into other characters.
   */
  @ParameterizedTest
  @ValueSource(strings = {"c080", "e08080", "f0808080", "c1bf", "eda080", "edbfbf", "f4908080", "f5808080", "80",
      "bf", "e282", "f09f98", "ff", "fe", "00"})
  void readItem_invalidUtf8InAString_isSerializationException(String hex) {
    assertSerializationError(() -> readItem(itemWithBytes(hex)));
  }

  @Test
  void readItem_invalidUtf8InASkippedMember_isSerializationException() {
    byte[] body = "{\"Other\":\"x\u00ff\",\"Item\":{}}".getBytes(StandardCharsets.ISO_8859_1);
    assertSerializationError(() -> readItem(body));
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTF-16BE", "UTF-16LE", "UTF-16", "UTF-32BE", "UTF-32LE"})
  void readItem_bodyInAnotherEncoding_isSerializationException(String charset) {
    byte[] body = "{\"Item\":{\"a\":{\"S\":\"x\"}}}".getBytes(Charset.forName(charset));
    assertSerializationError(() -> readItem(body));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "{\"Item\":{\"a\":{\"S\":\"x",
    "{\"Other\":{\"a\":",
    "{\"Other\":\"abc",
    "{\"Other\":[tru]}",
    "{\"Other\":\"a\u0001b\"}",
    "{\"Other\":\"\\q\"}",
    "{\"Limit\":9223372036854775808}",
    "{\"Limit\":-9223372036854775809}",
  })
  void readItem_unreadableBody_isSerializationException(String body) {
    assertSerializationError(() -> readItem(body));
  }

  @Test
  void readItem_numberPastTheParsersLimit_isSerializationException() {
    assertSerializationError(() -> readItem("{\"Other\":" + "1".repeat(1001) + ",\"Item\":{}}"));
  }

  @Test
  void readItem_nestingPastTheParsersLimit_isSerializationException() {
    String deep = "[".repeat(1001) + "]".repeat(1001);
    assertSerializationError(() -> readItem("{\"Other\":" + deep + ",\"Item\":{}}"));
  }

  @Test
  void readItem_nestingWithinTheParsersLimit_isRead() throws IOException {
    String deep = "[".repeat(999) + "]".repeat(999);
    assertThat(readItem("{\"Other\":" + deep + ",\"Item\":{}}")).isEmpty();
  }

  @Test
  void readItem_namesLongerThanJacksonsDefaultLimit_areRead() throws IOException {
    String name = "n".repeat(65_536);
    assertThat(readItem("{\"Item\":{\"" + name + "\":{\"S\":\"v\"}}}")).containsOnlyKeys(name);
  }

  @Test
  void readItem_nullAttributeValue_isDeferredValidationException() {
    assertThatThrownBy(() -> readItem("{\"Item\":{\"a\":{\"S\":\"x\"},\"b\":null}}"))
        .isInstanceOfSatisfying(DynamoException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION))
        .hasMessage("The supplied Item contains a null AttributeValue: b is null");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "{\":v\":null}|ExpressionAttributeValues contains invalid value: The supplied Item contains a null AttributeValue"
        + " for key :v",
    "{\":a\":{\"S\":\"x\"},\":b\":{}}|ExpressionAttributeValues contains invalid value: Supplied AttributeValue is"
        + " empty, must contain exactly one of the supported datatypes for key :b",
    "{\":v\":{\"N\":\"NaN\"}}|ExpressionAttributeValues contains invalid value: The parameter cannot be converted to a"
        + " numeric value: NaN for key :v",
    "{\":v\":{\"L\":[{\"SS\":[]}]}}|ExpressionAttributeValues contains invalid value: One or more parameter values were"
        + " invalid: An string set  may not be empty for key :v",
    "{\":v\":{\"NULL\":false}}|One or more parameter values were invalid: Null attribute value types must have the"
        + " value of true",
  })
  void readExpressionAttributeValues_invalidValue_isDeferredNamingItsKey(String json, String message)
      throws IOException {
    try (JsonInput in = JsonInput.over(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))) {
      in.readRequest(r -> {
        r.next();
        return r.readExpressionAttributeValues();
      });
      assertThat(in.deferredError()).hasMessage(message);
    }
  }

  @Test
  void readItem_afterExpressionAttributeValues_isNotNamedAsOne() throws IOException {
    byte[] body = "{\"ExpressionAttributeValues\":{\":v\":{\"S\":\"x\"}},\"Item\":{\"a\":{\"SS\":[]}}}"
        .getBytes(StandardCharsets.UTF_8);
    try (JsonInput in = JsonInput.over(new ByteArrayInputStream(body))) {
      in.readRequest(r -> {
        r.beginRequest();
        while (r.nextField()) {
          if (r.fieldName().equals("Item")) {
            r.readAttributeMap();
          } else {
            r.readExpressionAttributeValues();
          }
        }
        return null;
      });
      assertThat(in.deferredError())
          .hasMessage("One or more parameter values were invalid: An string set  may not be empty");
    }
  }
}
