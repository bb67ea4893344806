package io.shaledb.it;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** DynamoDB Streams clients for the tests, against a server started for them. */
final class StreamsClients {
  private StreamsClients() {}

  /** A client of the Streams API at {@code endpoint}; the caller closes it. */
  static DynamoDbStreamsClient forEndpoint(URI endpoint) {
    return DynamoDbStreamsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
        .httpClient(UrlConnectionHttpClient.builder().build()).build();
  }
}
