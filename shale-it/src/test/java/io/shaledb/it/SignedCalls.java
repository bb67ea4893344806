package io.shaledb.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.AuthLocation;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * API calls signed by the AWS SDK's own SigV4 signer ({@link AwsV4HttpSigner}), then sent as they are or changed, so
 * that tests control every header and byte the server verifies.
 */
final class SignedCalls {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final URI endpoint;

  SignedCalls(URI endpoint) {
    this.endpoint = endpoint;
  }

  /** What to sign with. */
  record Signing(String accessKeyId, String secret, String region, String service, Instant at,
      Duration presignedFor) {
    Signing withSecret(String other) {
      return new Signing(accessKeyId, other, region, service, at, presignedFor);
    }

    Signing withRegion(String other) {
      return new Signing(accessKeyId, secret, other, service, at, presignedFor);
    }

    Signing withService(String other) {
      return new Signing(accessKeyId, secret, region, other, at, presignedFor);
    }

    Signing at(Instant other) {
      return new Signing(accessKeyId, secret, region, service, other, presignedFor);
    }

    Signing presigned(Duration lifetime) {
      return new Signing(accessKeyId, secret, region, service, at, lifetime);
    }
  }

  /** A request signed, before it is sent: its headers, query and body, to change as a test needs. */
  record Call(SdkHttpRequest request, String body) {
    Call withBody(String other) {
      return new Call(request, other);
    }

    Call withHeader(String name, String value) {
      return new Call(request.toBuilder().putHeader(name, value).build(), body);
    }

    Call withoutHeader(String name) {
      return new Call(request.toBuilder().removeHeader(name).build(), body);
    }

    Call change(UnaryOperator<SdkHttpRequest.Builder> change) {
      return new Call(change.apply(request.toBuilder()).build(), body);
    }
  }

  record Response(int status, String type, String message, String body) {}

  Call sign(String operation, String json, Signing signing) {
    SdkHttpRequest unsigned = SdkHttpRequest.builder()
        .method(SdkHttpMethod.POST)
        .uri(endpoint)
        .putHeader("Content-Type", "application/x-amz-json-1.0")
        .putHeader("X-Amz-Target", "DynamoDB_20120810." + operation)
        .build();
    SignedRequest signed = AwsV4HttpSigner.create().sign(request -> {
      request.identity(AwsCredentialsIdentity.create(signing.accessKeyId(), signing.secret()))
          .request(unsigned)
          .payload(ContentStreamProvider.fromUtf8String(json))
          .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signing.service())
          .putProperty(AwsV4HttpSigner.REGION_NAME, signing.region())
          .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signing.at(), ZoneOffset.UTC));
      if (signing.presignedFor() != null) {
        request.putProperty(AwsV4HttpSigner.AUTH_LOCATION, AuthLocation.QUERY_STRING)
            .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, signing.presignedFor());
      }
    });
    return new Call(signed.request(), json);
  }

  Response send(Call call) {
    HttpRequest.Builder request = HttpRequest.newBuilder(call.request().getUri())
        .POST(HttpRequest.BodyPublishers.ofString(call.body()));
    for (Map.Entry<String, List<String>> header : call.request().headers().entrySet()) {
      if (!header.getKey().equalsIgnoreCase("Host")) {
        header.getValue().forEach(value -> request.header(header.getKey(), value));
      }
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      JsonTree json = JsonTree.parse(response.body());
      return new Response(response.statusCode(), field(json, "__type"), field(json, "message"), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A string member of a JSON object, or empty. */
  static String field(JsonTree json, String name) {
    if (json instanceof JsonTree.Obj object) {
      for (JsonTree.Member member : object.members()) {
        if (member.name().equals(name) && member.value() instanceof JsonTree.Str text) {
          return text.value();
        }
      }
    }
    return "";
  }
}
