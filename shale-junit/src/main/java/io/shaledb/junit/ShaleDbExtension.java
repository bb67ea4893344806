package io.shaledb.junit;

import io.shaledb.server.ServerConfig;
import io.shaledb.server.ShaleDbServer;
import java.net.URI;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A JUnit 5 extension that runs one in-memory ShaleDB on a random loopback port for the whole test run and injects,
 * into constructors, lifecycle methods and test methods, a ready {@link DynamoDbClient}, the server's endpoint
 * {@link URI} or the {@link ShaleDbServer} itself. The server and client are closed when the run ends.
 *
 * <p>Tests share the server, so each should use its own table names.
 */
public final class ShaleDbExtension implements ParameterResolver {
  private static final Namespace NAMESPACE = Namespace.create(ShaleDbExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == DynamoDbClient.class || type == URI.class || type == ShaleDbServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Shared shared = context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(Shared.class, key -> Shared.start(), Shared.class);
    Class<?> type = parameter.getParameter().getType();
    if (type == DynamoDbClient.class) {
      return shared.client();
    }
    return type == URI.class ? shared.server().endpoint() : shared.server();
  }

  /** Builds a client for {@code endpoint} with dummy credentials, as any application would configure one. */
  public static DynamoDbClient clientFor(URI endpoint) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("shaledb", "shaledb")))
        .httpClient(UrlConnectionHttpClient.builder().build())
        .build();
  }

  /** The run's server and client; the root store closes them when the run ends. */
  private record Shared(ShaleDbServer server, DynamoDbClient client) implements AutoCloseable {
    static Shared start() {
      try {
        ShaleDbServer server = ShaleDbServer.start(ServerConfig.inMemoryOnRandomPort());
        return new Shared(server, clientFor(server.endpoint()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ParameterResolutionException("interrupted while starting ShaleDB", e);
      }
    }

    @Override
    public void close() {
      client.close();
      server.close();
    }
  }
}
