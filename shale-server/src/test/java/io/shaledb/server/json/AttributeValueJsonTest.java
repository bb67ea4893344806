package io.shaledb.server.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.Bytes;
import io.shaledb.core.model.DynamoNumber;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttributeValueJsonTest {
  private static final JsonFactory JSON = Json.FACTORY;

  /** Reads {@code {"v": <json>}}'s value as a request's reader reads it. */
  private static AttributeValue read(String json) throws IOException {
    byte[] body = ("{\"v\":" + json + "}").getBytes(StandardCharsets.UTF_8);
    try (JsonInput in = JsonInput.over(new ByteArrayInputStream(body))) {
      AttributeValue value = in.readRequest(r -> {
        r.beginRequest();
        r.nextField();
        return r.readAttributeValue();
      });
      if (in.deferredError() != null) {
        throw in.deferredError();
      }
      return value;
    }
  }

  /** The error deferred reading {@code {"v": <json>}}'s value with {@code member}. */
  private static DynamoException deferredReading(String json, JsonInput.ValueReader<?> member) throws IOException {
    byte[] body = ("{\"v\":" + json + "}").getBytes(StandardCharsets.UTF_8);
    try (JsonInput in = JsonInput.over(new ByteArrayInputStream(body))) {
      in.readRequest(r -> {
        r.beginRequest();
        r.nextField();
        return member.read(r);
      });
      return in.deferredError();
    }
  }

  private static String write(AttributeValue value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      AttributeValueWriter.write(g, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void everyType_roundTrips() throws IOException {
    Map<String, AttributeValue> nested = new LinkedHashMap<>();
    nested.put("s", new AttributeValue.S("x"));
    nested.put("l", new AttributeValue.L(List.of(AttributeValue.Null.INSTANCE, AttributeValue.Bool.TRUE)));
    List<AttributeValue> values = List.of(
        new AttributeValue.S("héllo"),
        new AttributeValue.S(""),
        new AttributeValue.N(DynamoNumber.parse("-1.5")),
        new AttributeValue.B(Bytes.wrap(new byte[] {0, (byte) 0xFF})),
        new AttributeValue.SS(Set.of("a")),
        new AttributeValue.NS(Set.of(DynamoNumber.parse("1"), DynamoNumber.parse("2"))),
        new AttributeValue.BS(Set.of(Bytes.wrap(new byte[] {1}))),
        new AttributeValue.M(nested),
        new AttributeValue.L(List.of()),
        AttributeValue.Null.INSTANCE,
        AttributeValue.Bool.FALSE);
    for (AttributeValue value : values) {
      assertThat(read(write(value))).isEqualTo(value);
    }
  }

  @Test
  void strings_areWrittenAsJacksonEscapesThem_shortOrLong() throws IOException {
    List<String> texts = List.of("short", "a string long enough to take the UTF-8 path",
        "quotes \" and backslashes \\ and a tab\t and a newline\n in a long string",
        "non-ASCII beyond the threshold: héllo wörld, 日本語, and 😀 outside the BMP",
        "control characters \u0001\u001f and a DEL \u007f in a long enough string");
    for (String text : texts) {
      ByteArrayOutputStream expected = new ByteArrayOutputStream();
      try (JsonGenerator g = JSON.createGenerator(expected)) {
        g.writeStartObject();
        g.writeStringField("S", text);
        g.writeEndObject();
      }
      assertThat(write(new AttributeValue.S(text))).isEqualTo(expected.toString(StandardCharsets.UTF_8));
      assertThat(read(write(new AttributeValue.SS(Set.of(text))))).isEqualTo(new AttributeValue.SS(Set.of(text)));
    }
  }

  @Test
  void escapedSurrogatePair_readsAsItsCharacter() throws IOException {
    assertThat(read("{\"S\":\"\\ud83d\\ude00\"}")).isEqualTo(new AttributeValue.S("\ud83d\ude00"));
  }

  @Test
  void numbers_areWrittenCanonically() {
    assertThat(write(new AttributeValue.N(DynamoNumber.parse("1.50E2")))).isEqualTo("{\"N\":\"150\"}");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "{}|Supplied AttributeValue is empty, must contain exactly one of the supported datatypes",
    "{\"X\":\"a\"}|Supplied AttributeValue is empty, must contain exactly one of the supported datatypes",
    "{\"S\":\"a\",\"N\":\"1\"}|Supplied AttributeValue has more than one datatypes set, must contain exactly one"
        + " of the supported datatypes",
    "{\"SS\":[]}|One or more parameter values were invalid: An string set  may not be empty",
    "{\"NS\":[]}|One or more parameter values were invalid: An number set  may not be empty",
    "{\"SS\":[\"a\",\"a\"]}|One or more parameter values were invalid: Input collection [a, a] contains"
        + " duplicates.",
    "{\"NS\":[\"1\",\"1.0\"]}|Input collection contains duplicates",
    "{\"BS\":[\"Yg==\",\"Yg==\"]}|One or more parameter values were invalid: Input collection [Yg==, Yg==]of type BS"
        + " contains duplicates.",
    "{\"BS\":[]}|One or more parameter values were invalid: Binary sets should not be empty",
    "{\"N\":\"abc\"}|The parameter cannot be converted to a numeric value: abc",
    "{\"NULL\":false}|One or more parameter values were invalid: Null attribute value types must have the value"
        + " of true",
    "{\"M\":{\"a\":{}}}|Supplied AttributeValue is empty, must contain exactly one of the supported datatypes",
    "{\"M\":{\"a\":null}}|The supplied Item contains a null AttributeValue: a is null",
    "{\"L\":[{\"S\":\"a\"},null]}|The supplied Item contains a null AttributeValue",
    "{\"SS\":[\"a\",null]}|One or more parameter values were invalid: An string set may not have a null string as a"
        + " member",
    "{\"NS\":[null]}|A value provided cannot be converted into a number",
  })
  void invalidValues_areDeferredValidationErrors(String json, String message) {
    assertThatThrownBy(() -> read(json))
        .isInstanceOfSatisfying(DynamoException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION))
        .hasMessage(message);
  }

  @Test
  void setErrors_areRequestValidation_inAWrittenItemOrExpressionValues_butNotInAKey() throws IOException {
    String emptySet = "{\"s\":{\"M\":{\"t\":{\"SS\":[]}}}}";

    assertThat(deferredReading(emptySet, JsonInput::readWrittenItem).isRequestValidation()).isTrue();
    assertThat(deferredReading("{\":v\":{\"NS\":[\"1\",\"1\"]}}", JsonInput::readExpressionAttributeValues))
        .hasMessage("ExpressionAttributeValues contains invalid value: Input collection contains duplicates for key :v")
        .returns(true, DynamoException::isRequestValidation);
    assertThat(deferredReading(emptySet, JsonInput::readAttributeMap).isRequestValidation()).isFalse();
    assertThat(deferredReading("{\"n\":{\"N\":\"x\"}}", JsonInput::readWrittenItem).isRequestValidation())
        .isFalse();
    assertThat(deferredReading("{\"k\":{\"NULL\":false}}", JsonInput::readAttributeMap).isRequestValidation())
        .isTrue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"\"a\"", "[1]", "{\"S\":1}", "{\"BOOL\":\"x\"}", "{\"L\":{}}",
      "{\"M\":[]}", "{\"S\":\"a\\ud800\"}", "{\"S\":\"\\udc00\"}", "{\"S\":\"\\udbff\\ud800\"}",
      "{\"M\":{\"\\ud800\":{\"S\":\"a\"}}}", "{\"SS\":[\"\\ud800\"]}", "{\"S\":\"a"})
  void wrongJsonShapes_areSerializationErrors(String json) {
    assertThatThrownBy(() -> read(json))
        .isInstanceOfSatisfying(DynamoException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.SERIALIZATION));
  }
}
