package io.shaledb.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.junit.ShaleDbTest;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Every operation of the AWS SDK's DynamoDB and DynamoDB Streams clients, sent to the server: those it does not
 * implement answer DynamoDB's UnknownOperationException with its message, and the README's "not yet" list names
 * exactly those; a target that names no operation is answered without a message, as DynamoDB answers it.
 */
@ShaleDbTest
class UnimplementedOperationsIT {
  private static final Path README = Path.of(System.getProperty("shaledb.projectRoot"), "README.md");
  private static final Pattern LIST = Pattern.compile(
      "<!-- unimplemented operations -->(.*?)<!-- end of unimplemented operations -->", Pattern.DOTALL);
  private static final String UNKNOWN = "{\"__type\":\"com.amazon.coral.service#UnknownOperationException\","
      + "\"message\":\"Unknown operation exception\"}";

  @Test
  void readmeNotYetList_isWhatAnswersUnknownOperationException(URI endpoint) throws Exception {
    Set<String> unknown = new TreeSet<>();
    for (String operation : operations(DynamoDbClient.class)) {
      if (isUnknown(endpoint, "DynamoDB_20120810." + operation)) {
        unknown.add(operation);
      }
    }
    for (String operation : operations(DynamoDbStreamsClient.class)) {
      if (isUnknown(endpoint, "DynamoDBStreams_20120810." + operation)) {
        unknown.add(operation);
      }
    }

    Matcher listed = LIST.matcher(Files.readString(README));
    assertThat(listed.find()).as("README.md marks its list of unimplemented operations").isTrue();
    Set<String> inReadme = new TreeSet<>(Arrays.asList(listed.group(1).replaceAll("[`.,]", " ").strip()
        .split("\\s+")));
    assertThat(inReadme).as("README.md's list of unimplemented operations").isEqualTo(unknown);
  }

  @Test
  void targetNamingNoOperation_isAnsweredWithoutAMessage(URI endpoint) throws Exception {
    RawDynamo.Response response = send(endpoint, "DynamoDB_20120810.NoSuchOperation");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}");
  }

  /** The operations of an SDK client: its methods that take the operation's request object. */
  private static Set<String> operations(Class<?> client) {
    Set<String> operations = new TreeSet<>();
    for (Method method : client.getMethods()) {
      if (method.getParameterCount() == 1 && AwsRequest.class.isAssignableFrom(method.getParameterTypes()[0])) {
        operations.add(method.getParameterTypes()[0].getSimpleName().replaceFirst("Request$", ""));
      }
    }
    return operations;
  }

  private static boolean isUnknown(URI endpoint, String target) throws Exception {
    RawDynamo.Response response = send(endpoint, target);
    return response.status() == 400 && response.body().equals(UNKNOWN);
  }

  private static RawDynamo.Response send(URI endpoint, String target) throws Exception {
    return RawDynamo.send(endpoint, Map.of("X-Amz-Target", target, "Authorization",
        "AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host,"
            + " Signature=0"), "{}");
  }
}
