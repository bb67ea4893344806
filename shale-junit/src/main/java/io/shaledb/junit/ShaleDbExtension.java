package io.shaledb.junit;

import io.shaledb.junit.ShaleDbTest.Lifecycle;
import io.shaledb.junit.ShaleDbTest.ServerRuntime;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A JUnit 5 extension that runs ShaleDB for tests and injects, into constructors, lifecycle methods and test methods,
 * a ready {@link DynamoDbClient}, {@link DynamoDbAsyncClient}, {@code DynamoDbEnhancedClient} (with
 * {@code software.amazon.awssdk:dynamodb-enhanced} on the class path), {@link DynamoDbStreamsClient}, the server's
 * endpoint {@link URI} or its {@link ShaleDbClock}. Clients and servers are closed when their scope ends.
 *
 * <p>{@link ShaleDbTest} on the test class says how: by default one in-memory server on a random port for the whole
 * run, shared by every class with the same settings (so each should use its own table names, or declare its tables
 * with {@link ShaleDbTable}, which are deleted after the class), in a child JVM on a JDK 21+ that it finds.
 * {@link ShaleDbTest.Lifecycle#PER_CLASS} and {@link ShaleDbTest.Lifecycle#PER_METHOD} give a class or each test a
 * server of its own.
 */
public final class ShaleDbExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {
  private static final Namespace NAMESPACE = Namespace.create(ShaleDbExtension.class);
  private static final String CLASS_TABLES = "class tables";
  private static final String METHOD_TABLES = "method tables";

  @Override
  public void beforeAll(ExtensionContext context) {
    Settings settings = settings(context);
    if (settings.lifecycle() != Lifecycle.PER_METHOD) {
      createTables(context, CLASS_TABLES, classTables(context));
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Settings settings = settings(context);
    List<String> tables = new ArrayList<>();
    if (settings.lifecycle() == Lifecycle.PER_METHOD) {
      tables.addAll(classTables(context));
    }
    context.getTestMethod().ifPresent(method -> tables.addAll(annotatedTables(method)));
    createTables(context, METHOD_TABLES, tables);
  }

  /** A method's tables go unless its server goes with it. */
  @Override
  public void afterEach(ExtensionContext context) {
    deleteTables(context, METHOD_TABLES, settings(context).lifecycle() != Lifecycle.PER_METHOD);
  }

  /** A class's tables go when its server is shared with other classes. */
  @Override
  public void afterAll(ExtensionContext context) {
    deleteTables(context, CLASS_TABLES, settings(context).lifecycle() == Lifecycle.PER_RUN);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == DynamoDbClient.class || type == DynamoDbAsyncClient.class || type == DynamoDbStreamsClient.class
        || type == URI.class || type == ShaleDbClock.class || type.getName().equals(EnhancedClients.CLASS_NAME);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Session session = session(context);
    URI endpoint = session.server().endpoint();
    Class<?> type = parameter.getParameter().getType();
    if (type == URI.class) {
      return endpoint;
    } else if (type == ShaleDbClock.class) {
      return session.server().clock();
    } else if (type == DynamoDbClient.class) {
      return session.client(DynamoDbClient.class, () -> clientFor(endpoint));
    } else if (type == DynamoDbAsyncClient.class) {
      return session.client(DynamoDbAsyncClient.class, () -> Clients.async(endpoint));
    } else if (type == DynamoDbStreamsClient.class) {
      return session.client(DynamoDbStreamsClient.class, () -> Clients.streams(endpoint));
    }
    DynamoDbClient client = (DynamoDbClient) session.client(DynamoDbClient.class, () -> clientFor(endpoint));
    return session.client(type, () -> EnhancedClients.over(client));
  }

  /** Builds a client for {@code endpoint} with dummy credentials, as any application would configure one. */
  public static DynamoDbClient clientFor(URI endpoint) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Clients.REGION)
        .credentialsProvider(Clients.CREDENTIALS)
        .httpClient(UrlConnectionHttpClient.builder().build())
        .build();
  }

  /** The server of this context's scope, started when first needed. */
  private static Session session(ExtensionContext context) {
    Settings settings = settings(context);
    ExtensionContext scope = switch (settings.lifecycle()) {
      case PER_RUN -> context.getRoot();
      case PER_CLASS -> classContext(context);
      case PER_METHOD -> context;
    };
    return scope.getStore(NAMESPACE).getOrComputeIfAbsent(settings, ShaleDbExtension::start, Session.class);
  }

  private static Session start(Settings settings) {
    return new Session(settings.runtime() == ServerRuntime.IN_PROCESS ? startInProcess(settings)
        : ChildProcessServer.start(settings));
  }

  /**
   * Starts the server in this JVM through {@code InProcessServer}, which is compiled for Java 21 against the server's
   * classes, so it is loaded only here, and only when the JVM and the class path can run it.
   */
  private static RunningServer startInProcess(Settings settings) {
    if (Runtime.version().feature() < Jdks.REQUIRED) {
      throw new ExtensionConfigurationException("ShaleDB runs in process only on Java " + Jdks.REQUIRED
          + " or newer; this is Java " + Runtime.version().feature() + ": use the child process runtime");
    }
    try {
      return (RunningServer) Class.forName("io.shaledb.junit.InProcessServer")
          .getMethod("start", Settings.class).invoke(null, settings);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof NoClassDefFoundError missing) {
        throw new ExtensionConfigurationException("ShaleDB runs in process only with io.shaledb:shale-server on"
            + " the test class path", missing);
      }
      throw new ExtensionConfigurationException("ShaleDB did not start in process", e.getCause());
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new ExtensionConfigurationException("ShaleDB runs in process only with io.shaledb:shale-server on"
          + " the test class path", e);
    }
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext scope = context;
    while (scope.getTestMethod().isPresent() && scope.getParent().isPresent()) {
      scope = scope.getParent().get();
    }
    return scope;
  }

  /** The settings of the test class or, for a nested class, of the nearest enclosing class that has some. */
  private static Settings settings(ExtensionContext context) {
    for (Class<?> type = context.getTestClass().orElse(null); type != null; type = type.getEnclosingClass()) {
      Optional<ShaleDbTest> annotation = AnnotationSupport.findAnnotation(type, ShaleDbTest.class);
      if (annotation.isPresent()) {
        return Settings.of(annotation);
      }
    }
    return Settings.of(Optional.empty());
  }

  private static List<String> classTables(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    List<String> requests = new ArrayList<>(annotatedTables(testClass));
    for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
      Optional<ShaleDbTest> annotation = AnnotationSupport.findAnnotation(type, ShaleDbTest.class);
      if (annotation.isPresent()) {
        for (String resource : annotation.get().tablesFrom()) {
          requests.addAll(TableFixtures.createTableRequests(testClass, resource));
        }
        break;
      }
    }
    return requests;
  }

  private static List<String> annotatedTables(AnnotatedElement element) {
    return AnnotationSupport.findRepeatableAnnotations(element, ShaleDbTable.class).stream()
        .map(TableFixtures::createTableRequest)
        .toList();
  }

  private static void createTables(ExtensionContext context, String key, List<String> requests) {
    if (requests.isEmpty()) {
      return;
    }
    URI endpoint = session(context).server().endpoint();
    context.getStore(NAMESPACE).put(key, new CreatedTables(endpoint, TableFixtures.create(endpoint, requests)));
  }

  /** Deletes what {@link #createTables} made in this context, when {@code serverOutlivesIt}. */
  private static void deleteTables(ExtensionContext context, String key, boolean serverOutlivesIt) {
    CreatedTables created = context.getStore(NAMESPACE).remove(key, CreatedTables.class);
    if (created != null && serverOutlivesIt) {
      TableFixtures.delete(created.endpoint(), created.names());
    }
  }

  private record CreatedTables(URI endpoint, List<String> names) {}
}
