package io.shaledb.it.extension;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.junit.ShaleDbTest;
import io.shaledb.junit.ShaleDbTest.Lifecycle;
import io.shaledb.junit.ShaleDbTest.ServerRuntime;
import io.shaledb.junit.ShaleDbTest.Storage;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Test classes that {@link ExtensionLifecycleIT} runs with JUnit's test kit, to see the servers they were given
 * after they ran. Their names end in neither Test nor IT, so the build does not run them by themselves.
 */
final class ExtensionSamples {
  /** The endpoints the samples were given, in the order their tests ran. */
  static final List<URI> ENDPOINTS = new CopyOnWriteArrayList<>();

  private ExtensionSamples() {}

  /** Each test must find a server of its own: no table of the other test's. */
  @ShaleDbTest(lifecycle = Lifecycle.PER_METHOD)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class PerMethod {
    @Test
    @Order(1)
    void first(DynamoDbClient dynamo, URI endpoint) {
      ENDPOINTS.add(endpoint);
      assertThat(dynamo.listTables().tableNames()).isEmpty();
      dynamo.createTable(ExtensionLifecycleIT.simpleTable("left-behind"));
    }

    @Test
    @Order(2)
    void second(DynamoDbClient dynamo, URI endpoint) {
      ENDPOINTS.add(endpoint);
      assertThat(dynamo.listTables().tableNames()).isEmpty();
    }
  }

  /** Both tests share the class's server, durable in a temporary directory. */
  @ShaleDbTest(lifecycle = Lifecycle.PER_CLASS, storage = Storage.TEMP_DIRECTORY)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class PerClassOnDisk {
    @Test
    @Order(1)
    void first(DynamoDbClient dynamo, URI endpoint) {
      ENDPOINTS.add(endpoint);
      dynamo.createTable(ExtensionLifecycleIT.simpleTable("kept"));
    }

    @Test
    @Order(2)
    void second(DynamoDbClient dynamo, URI endpoint) {
      ENDPOINTS.add(endpoint);
      assertThat(dynamo.listTables().tableNames()).containsExactly("kept");
    }
  }

  /** In this JVM, on a fixed port. */
  @ShaleDbTest(lifecycle = Lifecycle.PER_CLASS, runtime = ServerRuntime.IN_PROCESS,
      port = ExtensionLifecycleIT.FIXED_PORT)
  static class InProcessOnFixedPort {
    @Test
    void listTables(DynamoDbClient dynamo, URI endpoint) {
      ENDPOINTS.add(endpoint);
      assertThat(dynamo.listTables().tableNames()).isEmpty();
    }
  }
}
