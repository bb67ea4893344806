package io.shaledb.junit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates and deletes the tables tests declare. Each table is a CreateTable request in DynamoDB's JSON, sent to the
 * server as it is: the server checks it as DynamoDB would and says what is wrong, and this module needs no JSON library
 * (whose version would have to agree with the test's).
 */
final class TableFixtures {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private static final Pattern TABLE_NAME = Pattern.compile("\"TableName\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  private TableFixtures() {}

  /** The CreateTable request of an annotated table: on demand, with a stream if asked. */
  static String createTableRequest(ShaleDbTable table) {
    StringBuilder definitions = new StringBuilder()
        .append(attribute(table.partitionKey(), table.partitionKeyType()));
    StringBuilder keys = new StringBuilder("{\"AttributeName\":\"").append(escape(table.partitionKey()))
        .append("\",\"KeyType\":\"HASH\"}");
    if (!table.sortKey().isEmpty()) {
      definitions.append(',').append(attribute(table.sortKey(), table.sortKeyType()));
      keys.append(",{\"AttributeName\":\"").append(escape(table.sortKey())).append("\",\"KeyType\":\"RANGE\"}");
    }
    return "{\"TableName\":\"" + escape(table.name()) + "\",\"BillingMode\":\"PAY_PER_REQUEST\","
        + "\"AttributeDefinitions\":[" + definitions + "],\"KeySchema\":[" + keys + "]"
        + (table.stream() ? ",\"StreamSpecification\":{\"StreamEnabled\":true,"
            + "\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}" : "")
        + "}";
  }

  /** The CreateTable requests in a class-path resource holding a JSON array of them. */
  static List<String> createTableRequests(Class<?> testClass, String resource) {
    String path = resource.startsWith("/") ? resource.substring(1) : resource;
    try (InputStream in = testClass.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no class-path resource " + resource + " (@ShaleDbTest(tablesFrom))");
      }
      return JsonArrays.elements(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Creates the tables, in order.
   *
   * @return their names
   */
  static List<String> create(URI endpoint, List<String> requests) {
    List<String> names = new ArrayList<>();
    for (String request : requests) {
      Matcher name = TABLE_NAME.matcher(request);
      call(endpoint, "CreateTable", request);
      names.add(name.find() ? name.group(1) : "");
    }
    return names;
  }

  /** Deletes the tables, which the test may have deleted already. */
  static void delete(URI endpoint, List<String> names) {
    for (String name : names) {
      HttpResponse<String> answer = send(endpoint, "DeleteTable", "{\"TableName\":\"" + name + "\"}");
      if (answer.statusCode() != 200 && !answer.body().contains("ResourceNotFoundException")) {
        throw new IllegalStateException("cannot delete the test table " + name + ": " + answer.body());
      }
    }
  }

  private static void call(URI endpoint, String operation, String body) {
    HttpResponse<String> answer = send(endpoint, operation, body);
    if (answer.statusCode() != 200) {
      throw new IllegalArgumentException("ShaleDB refused the test table " + body + ": " + answer.body());
    }
  }

  private static HttpResponse<String> send(URI endpoint, String operation, String body) {
    HttpRequest request = HttpRequest.newBuilder(endpoint)
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-amz-json-1.0")
        .header("X-Amz-Target", "DynamoDB_20120810." + operation)
        .header("Authorization", "AWS4-HMAC-SHA256 Credential=shaledb/20200101/" + Clients.REGION.id()
            + "/dynamodb/aws4_request, SignedHeaders=host, Signature=0")
        .POST(BodyPublishers.ofString(body))
        .build();
    try {
      return HTTP.send(request, BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach ShaleDB at " + endpoint, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating test tables", e);
    }
  }

  private static String attribute(String name, ShaleDbTable.KeyType type) {
    return "{\"AttributeName\":\"" + escape(name) + "\",\"AttributeType\":\"" + type.name() + "\"}";
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
