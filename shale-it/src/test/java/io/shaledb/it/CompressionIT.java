package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.junit.ShaleDbTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Compressed requests and responses through the AWS SDK for Java v2. The SDK compresses requests only for operations
 * whose model asks for it, which DynamoDB's does not, so an interceptor gzips each body before it is signed, as an
 * application enabling compression would. For responses the SDK asks with Accept-Encoding and then checks
 * x-amz-crc32 over the bytes it received before decompressing them, as DynamoDB computes it: a checksum over the
 * uncompressed body would fail every compressed response.
 */
@ShaleDbTest
class CompressionIT {
  /** Larger than the 4 KB above which responses are compressed, and compressible. */
  private static final String LARGE = "compressible ".repeat(2000);

  private final URI endpoint;
  private final DynamoDbClient plain;

  CompressionIT(URI endpoint, DynamoDbClient plain) {
    this.endpoint = endpoint;
    this.plain = plain;
  }

  private static String putItem(String table) {
    return "{\"TableName\":\"" + table + "\",\"Item\":{\"id\":{\"S\":\"k\"}}}";
  }

  private String getItem(String table) throws IOException, InterruptedException {
    return RawDynamo.post(endpoint, "GetItem", "{\"TableName\":\"" + table + "\",\"Key\":{\"id\":{\"S\":\"k\"}}}")
        .body();
  }

  /** Gzips every request body and says so in Content-Encoding, before the request is signed. */
  private static final class GzipRequests implements ExecutionInterceptor {
    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context,
        ExecutionAttributes executionAttributes) {
      return context.httpRequest().toBuilder()
          .putHeader("Content-Encoding", "gzip")
          .putHeader("Content-Length", Integer.toString(gzipped(context).length))
          .build();
    }

    @Override
    public Optional<RequestBody> modifyHttpContent(Context.ModifyHttpRequest context,
        ExecutionAttributes executionAttributes) {
      return Optional.of(RequestBody.fromBytes(gzipped(context)));
    }

    private static byte[] gzipped(Context.ModifyHttpRequest context) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (InputStream plain = context.requestBody().orElseThrow().contentStreamProvider().newStream();
          OutputStream out = new GZIPOutputStream(bytes)) {
        plain.transferTo(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return bytes.toByteArray();
    }
  }

  /** Notes the Content-Encoding of every response. */
  private static final class ResponseCodings implements ExecutionInterceptor {
    final List<String> seen = new ArrayList<>();

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes executionAttributes) {
      seen.add(context.httpResponse().firstMatchingHeader("Content-Encoding").orElse("none"));
    }
  }

  private DynamoDbClientBuilder client() {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
        .httpClient(UrlConnectionHttpClient.builder().build());
  }

  @Test
  void gzippedRequests_areDecompressed_andRunAsSent() {
    try (DynamoDbClient gzipping = client().overrideConfiguration(o -> o.addExecutionInterceptor(new GzipRequests()))
        .build()) {
      String table = Tables.createSimple(gzipping, "gzip-requests");
      Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS("k"), "text", AttributeValue.fromS(LARGE));

      gzipping.putItem(r -> r.tableName(table).item(item));

      assertThat(gzipping.getItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS("k")))).item())
          .isEqualTo(item);
    }
  }

  @Test
  void deflatedRequest_isReadAsAZlibStream() throws Exception {
    String table = Tables.createSimple(plain, "deflate-requests");
    ByteArrayOutputStream deflated = new ByteArrayOutputStream();
    try (OutputStream out = new DeflaterOutputStream(deflated)) {
      out.write(putItem(table).getBytes(StandardCharsets.UTF_8));
    }

    assertThat(RawDynamo.post(endpoint, "PutItem", deflated.toByteArray(), "deflate").status()).isEqualTo(200);
    assertThat(getItem(table)).isEqualTo("{\"Item\":{\"id\":{\"S\":\"k\"}}}");
  }

  /**
   * DynamoDB answers a body in a coding it does not know, or one that does not decode, with HTTP 500 and runs nothing
   * (ScyllaDB's test_compressed_request.py, against the service); the type and message are DynamoDB Local's.
   */
  @Test
  void requestsThatCannotBeDecoded_areInternalFailures_andWriteNothing() throws Exception {
    String table = Tables.createSimple(plain, "undecodable");
    byte[] put = putItem(table).getBytes(StandardCharsets.UTF_8);

    for (String coding : List.of("garbage", "gzip", "deflate")) {
      RawDynamo.Response response = RawDynamo.post(endpoint, "PutItem", put, coding);
      assertThat(response.status()).as(coding).isEqualTo(500);
      assertThat(response.body()).as(coding).isEqualTo("{\"__type\":\"com.amazon.coral.service#InternalFailure\","
          + "\"message\":\"The request processing has failed because of an unknown error, exception or failure.\"}");
    }
    assertThat(getItem(table)).isEqualTo("{}");
  }

  @Test
  void largeResponses_areGzippedWhenAsked_andTheSdkVerifiesTheirChecksum() {
    ResponseCodings codings = new ResponseCodings();
    try (DynamoDbClient asking = client().overrideConfiguration(o -> o.putHeader("Accept-Encoding", "gzip")
        .addExecutionInterceptor(codings)).build()) {
      String table = Tables.createSimple(asking, "gzip-responses");
      Map<String, AttributeValue> large = Map.of("id", AttributeValue.fromS("large"),
          "text", AttributeValue.fromS(LARGE));
      Map<String, AttributeValue> small = Map.of("id", AttributeValue.fromS("small"));
      asking.putItem(r -> r.tableName(table).item(large));
      asking.putItem(r -> r.tableName(table).item(small));
      codings.seen.clear();

      GetItemResponse gotLarge = asking.getItem(r -> r.tableName(table).key(Map.of("id", large.get("id"))));
      GetItemResponse gotSmall = asking.getItem(r -> r.tableName(table).key(Map.of("id", small.get("id"))));

      assertThat(gotLarge.item()).isEqualTo(large);
      assertThat(gotSmall.item()).isEqualTo(small);
      assertThat(codings.seen).containsExactly("gzip", "none");
    }
  }
}
