package io.shaledb.it.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The extension's lifecycles, runtimes, storage and ports, seen from outside: sample classes run through JUnit's test
 * kit, and afterwards no server they were given still listens.
 */
class ExtensionLifecycleIT {
  /** Below Linux's ephemeral range (32768 and up), so no client's connection holds it by chance. */
  static final int FIXED_PORT = 28_347;

  @BeforeEach
  void forgetEndpoints() {
    ExtensionSamples.ENDPOINTS.clear();
  }

  static CreateTableRequest simpleTable(String name) {
    return CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
            .attributeType(ScalarAttributeType.S).build())
        .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
        .build();
  }

  private static void run(Class<?> samples, int tests) {
    EngineTestKit.engine("junit-jupiter").selectors(selectClass(samples)).execute()
        .testEvents().assertStatistics(stats -> stats.started(tests).succeeded(tests));
  }

  @Test
  void perMethod_eachTestHasItsOwnServer_stoppedAfterIt() {
    run(ExtensionSamples.PerMethod.class, 2);

    assertThat(ExtensionSamples.ENDPOINTS).hasSize(2).doesNotHaveDuplicates();
    ExtensionSamples.ENDPOINTS.forEach(ExtensionLifecycleIT::assertStopped);
  }

  @Test
  void perClassInATemporaryDirectory_testsShareTheServer_stoppedAfterTheClass() {
    run(ExtensionSamples.PerClassOnDisk.class, 2);

    assertThat(ExtensionSamples.ENDPOINTS).hasSize(2).containsOnly(ExtensionSamples.ENDPOINTS.get(0));
    assertStopped(ExtensionSamples.ENDPOINTS.get(0));
  }

  @Test
  void inProcessOnAFixedPort_listensThere_andStops() {
    run(ExtensionSamples.InProcessOnFixedPort.class, 1);

    assertThat(ExtensionSamples.ENDPOINTS).containsExactly(URI.create("http://127.0.0.1:" + FIXED_PORT));
    assertStopped(ExtensionSamples.ENDPOINTS.get(0));
  }

  private static void assertStopped(URI endpoint) {
    assertThatThrownBy(() -> {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 5_000);
      }
    }).isInstanceOf(ConnectException.class);
  }
}
