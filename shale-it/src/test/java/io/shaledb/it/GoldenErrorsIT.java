package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.shaledb.junit.ShaleDbTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Golden error tables: each case in {@code src/test/resources/golden/*.txt} is a request (operation and raw JSON)
 * and the exact error DynamoDB answers (type and message), sent over the wire as an SDK would send it.
 *
 * <p>Case format: a line {@code <Operation> <json>}, a line {@code <ErrorType> <message>} (the message {@code null}
 * when DynamoDB sends none), then a blank line.
 * Lines starting with {@code #} are comments and cite where the expected message comes from. Two tables exist for
 * the cases to address: {@code golden-hash} (id S) and {@code golden-range} (pk S, sk N), holding no items.
 */
@ShaleDbTest
class GoldenErrorsIT {
  private static final List<String> FILES = List.of("tables.txt", "control.txt", "items.txt", "serialization.txt",
      "expressions.txt");

  private final URI endpoint;

  GoldenErrorsIT(URI endpoint) {
    this.endpoint = endpoint;
  }

  record Case(String file, int line, String operation, String body, String errorType, String message) {}

  @BeforeAll
  static void createFixtures(DynamoDbClient client) {
    if (client.listTables().tableNames().contains("golden-hash")) {
      return;
    }
    client.createTable(r -> r.tableName("golden-hash").billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(Tables.definition("id", ScalarAttributeType.S))
        .keySchema(Tables.key("id", KeyType.HASH)));
    client.createTable(r -> r.tableName("golden-range").billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(Tables.definition("pk", ScalarAttributeType.S),
            Tables.definition("sk", ScalarAttributeType.N))
        .keySchema(Tables.key("pk", KeyType.HASH), Tables.key("sk", KeyType.RANGE)));
    client.putItem(r -> r.tableName("golden-hash").item(Map.of("id", AttributeValue.fromS("exists"))));
  }

  @TestFactory
  Stream<DynamicTest> goldenErrors() throws IOException {
    List<Case> cases = new ArrayList<>();
    for (String file : FILES) {
      cases.addAll(read(file));
    }
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.file() + ":" + c.line() + " " + c.operation(), () -> {
      RawDynamo.Response response = RawDynamo.post(endpoint, c.operation(), c.body());
      assertThat(response.status()).as(response.body()).isEqualTo(c.errorType().equals("InternalServerError")
          ? 500 : 400);
      assertThat(response.body()).contains("#" + c.errorType() + "\"");
      assertThat(message(response.body())).isEqualTo(c.message().equals("null") ? null : c.message());
    }));
  }

  private static String message(String body) {
    try (JsonParser parser = new JsonFactory().createParser(body)) {
      while (parser.nextToken() != null) {
        if (parser.currentToken() == JsonToken.FIELD_NAME
            && parser.currentName().equalsIgnoreCase("message")) {
          parser.nextToken();
          return parser.getText();
        }
      }
      return null;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("IncrementInForLoopAndHeader") // a case is two lines: the loop steps over the second itself
  private static List<Case> read(String file) throws IOException {
    List<Case> cases = new ArrayList<>();
    try (InputStream in = GoldenErrorsIT.class.getResourceAsStream("/golden/" + file)) {
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] request = line.split(" ", 2);
        String[] error = lines.get(i + 1).split(" ", 2);
        cases.add(new Case(file, i + 1, request[0], request.length > 1 ? request[1] : "",
            error[0], error.length > 1 ? error[1] : null));
        i++;
      }
    }
    return cases;
  }
}
