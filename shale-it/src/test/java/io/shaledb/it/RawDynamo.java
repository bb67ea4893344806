package io.shaledb.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Sends hand-written JSON to a server, for requests no SDK can produce (wrong JSON types, malformed bodies, missing
 * headers).
 */
final class RawDynamo {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/dynamodb/"
      + "aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0000";

  private RawDynamo() {}

  record Response(int status, Map<String, java.util.List<String>> headers, String body) {}

  static Response post(URI endpoint, String operation, String json) throws IOException, InterruptedException {
    return send(endpoint, Map.of("X-Amz-Target", "DynamoDB_20120810." + operation,
        "Authorization", AUTHORIZATION), json);
  }

  /** Sends {@code body} as it is, whether or not it is UTF-8. */
  static Response post(URI endpoint, String operation, byte[] body) throws IOException, InterruptedException {
    return send(endpoint, Map.of("X-Amz-Target", "DynamoDB_20120810." + operation, "Authorization", AUTHORIZATION),
        HttpRequest.BodyPublishers.ofByteArray(body));
  }

  /** Sends {@code body} as it is, said to be in the content coding {@code contentEncoding}. */
  static Response post(URI endpoint, String operation, byte[] body, String contentEncoding)
      throws IOException, InterruptedException {
    return send(endpoint, Map.of("X-Amz-Target", "DynamoDB_20120810." + operation, "Authorization", AUTHORIZATION,
        "Content-Encoding", contentEncoding), HttpRequest.BodyPublishers.ofByteArray(body));
  }

  static Response send(URI endpoint, Map<String, String> headers, String json)
      throws IOException, InterruptedException {
    return send(endpoint, headers, HttpRequest.BodyPublishers.ofString(json));
  }

  private static Response send(URI endpoint, Map<String, String> headers, HttpRequest.BodyPublisher body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
        .header("Content-Type", "application/x-amz-json-1.0")
        .POST(body);
    headers.forEach(request::header);
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Response(response.statusCode(), response.headers().map(), response.body());
  }
}
