package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.junit.ShaleDbTest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Text that is not valid Unicode is refused, never stored altered. A lone surrogate escape or a byte sequence
 * that is not UTF-8 used to be decoded into another character ('?' for a surrogate, NUL for an overlong zero), so
 * a key {@code "\udc00"} overwrote the item whose key is {@code "?"}.
 *
 * <p>DynamoDB's JSON protocol is UTF-8 and the service documents no answer for such input; ShaleDB answers a
 * SerializationException without a message, as it does for any body it cannot read (DynamoDB Local 3.3.1 stores a
 * lone surrogate, and answers 500 to invalid UTF-8).
 */
@ShaleDbTest
class ValidTextIT {
  private static final String SERIALIZATION = "{\"__type\":\"com.amazon.coral.service#SerializationException\"}";

  private final DynamoDbClient client;
  private final URI endpoint;

  ValidTextIT(DynamoDbClient client, URI endpoint) {
    this.client = client;
    this.endpoint = endpoint;
  }

  private static byte[] putItem(String table, String key, String valueHex) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("{\"TableName\":\"" + table + "\",\"Item\":{\"id\":{\"S\":\"" + key + "\"},\"v\":{\"S\":\"")
        .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(HexFormat.of().parseHex(valueHex));
    body.writeBytes("\"}}}".getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  private List<Map<String, AttributeValue>> items(String table) {
    return client.scan(r -> r.tableName(table)).items();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\\udc00", "\\ud800", "a\\ud83d", "\\ude00\\ud83d"})
  void putItem_keyWithALoneSurrogateEscape_isRefusedAndOverwritesNothing(String escapedKey) throws Exception {
    String table = Tables.createSimple(client, "surrogates");
    client.putItem(r -> r.tableName(table).item(Map.of("id", AttributeValue.fromS("?"),
        "v", AttributeValue.fromS("original"))));

    RawDynamo.Response response = RawDynamo.post(endpoint, "PutItem",
        putItem(table, escapedKey, HexFormat.of().formatHex("other".getBytes(StandardCharsets.UTF_8))));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).isEqualTo(SERIALIZATION);
    assertThat(items(table)).containsExactly(Map.of("id", AttributeValue.fromS("?"),
        "v", AttributeValue.fromS("original")));
  }

  /** Overlong forms, encoded surrogates, code points past U+10FFFF, stray bytes: Jackson alone decoded some. */
  @ParameterizedTest
  @ValueSource(strings = {"c080", "e08080", "eda080", "edbfbf", "f4908080", "f0808080", "80", "ff", "e282"})
  void putItem_valueThatIsNotUtf8_isRefusedAndStoresNothing(String hex) throws Exception {
    String table = Tables.createSimple(client, "utf8");

    RawDynamo.Response response = RawDynamo.post(endpoint, "PutItem", putItem(table, "k", "61" + hex + "62"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).isEqualTo(SERIALIZATION);
    assertThat(items(table)).isEmpty();
  }

  @Test
  void putItem_escapedSurrogatePairAndFourByteUtf8_storeTheSameCharacter() throws Exception {
    String table = Tables.createSimple(client, "pairs");

    RawDynamo.Response escaped = RawDynamo.post(endpoint, "PutItem", putItem(table, "\\ud83d\\ude00", "61"));
    RawDynamo.Response raw = RawDynamo.post(endpoint, "PutItem", putItem(table, "x", "f09f9880"));

    assertThat(escaped.status()).isEqualTo(200);
    assertThat(raw.status()).isEqualTo(200);
    assertThat(items(table)).containsExactlyInAnyOrder(
        Map.of("id", AttributeValue.fromS("\ud83d\ude00"), "v", AttributeValue.fromS("a")),
        Map.of("id", AttributeValue.fromS("x"), "v", AttributeValue.fromS("\ud83d\ude00")));
  }
}
