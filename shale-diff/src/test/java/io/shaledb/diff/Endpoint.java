package io.shaledb.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One server under comparison, called with raw JSON as the AWS SDKs send it. Raw JSON rather than the SDK: the SDK
 * refuses some invalid requests before sending them and its model drops response members it does not know, and both
 * would hide what a server really answers.
 */
record Endpoint(String name, URI uri, HttpClient http) {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  // Both servers accept any credentials; DynamoDB Local keeps one database per access key and region, so every
  // request must carry the same ones.
  private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=diff/20250101/us-east-1/dynamodb/"
      + "aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0000";

  static Endpoint of(String name, URI uri) {
    return new Endpoint(name, uri, HttpClient.newBuilder().connectTimeout(TIMEOUT).build());
  }

  Outcome call(String operation, JsonNode request) throws IOException, InterruptedException {
    HttpRequest post = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
        .header("Content-Type", "application/x-amz-json-1.0")
        .header("X-Amz-Target", "DynamoDB_20120810." + operation)
        .header("X-Amz-Date", "20250101T000000Z")
        .header("Authorization", AUTHORIZATION)
        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(request)))
        .build();
    HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
    JsonNode body = response.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(response.body());
    return new Outcome(response.statusCode(), body);
  }
}
