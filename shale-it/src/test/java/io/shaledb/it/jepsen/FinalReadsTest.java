package io.shaledb.it.jepsen;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class FinalReadsTest {
  private static final Duration PATIENCE = Duration.ofMillis(300);

  /** Clients that no request here reaches: each read is a function of the client it is given. */
  private final DynamoDbClient n0 = client();
  private final DynamoDbClient n1 = client();
  private final List<DynamoDbClient> asked = new ArrayList<>();

  @AfterEach
  void close() {
    n0.close();
    n1.close();
  }

  @Test
  void read_firstNodeAnswering_answersThroughIt() {
    FinalReads reads = new FinalReads(List.of(new FinalReads.Node("n0", n0), new FinalReads.Node("n1", n1)), PATIENCE);

    assertThat(reads.read("r0", client -> answer(client, "v"))).contains("v");
    assertThat(asked).containsExactly(n0);
    assertThat(reads.failures()).isEmpty();
  }

  @Test
  void read_nodeHangingPastItsPatience_failsItOnceAndGoesOnThroughTheNext() {
    FinalReads reads = new FinalReads(List.of(new FinalReads.Node("n0", n0), new FinalReads.Node("n1", n1)), PATIENCE);

    assertThat(reads.read("r0", client -> client == n0 ? fail(client) : answer(client, "v0"))).contains("v0");
    assertThat(reads.read("r1", client -> client == n0 ? fail(client) : answer(client, "v1"))).contains("v1");

    assertThat(reads.failures()).singleElement().asString()
        .startsWith("n0 did not answer the final read of r0 (").endsWith("patience of 0.3 s spent): timed out");
    // n0 was asked again and again within its patience for r0, and never for r1.
    assertThat(asked.stream().filter(client -> client == n0).count()).isGreaterThan(1);
    assertThat(asked.getLast()).isSameAs(n1);
    assertThat(asked.subList(asked.indexOf(n1), asked.size())).containsOnly(n1);
  }

  @Test
  void read_noNodeAnswering_isEmptyAndNamesEveryNode() {
    FinalReads reads = new FinalReads(List.of(new FinalReads.Node("n0", n0), new FinalReads.Node("n1", n1)), PATIENCE);

    assertThat(reads.read("r0", this::fail)).isEmpty();
    int askedForR0 = asked.size();
    assertThat(reads.read("r1", this::fail)).isEmpty();

    assertThat(asked).hasSize(askedForR0);
    assertThat(reads.failures()).hasSize(2);
    assertThat(reads.failures().get(0)).startsWith("n0 did not answer the final read of r0");
    assertThat(reads.failures().get(1)).startsWith("n1 did not answer the final read of r0");
  }

  private String answer(DynamoDbClient client, String value) {
    asked.add(client);
    return value;
  }

  private String fail(DynamoDbClient client) {
    asked.add(client);
    throw SdkException.builder().message("timed out").build();
  }

  private static DynamoDbClient client() {
    return DynamoDbClient.builder().endpointOverride(URI.create("http://127.0.0.1:9")).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }
}
