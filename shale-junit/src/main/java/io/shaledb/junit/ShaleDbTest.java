package io.shaledb.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against a ShaleDB server; see {@link ShaleDbExtension}. Every attribute has a default,
 * so a bare {@code @ShaleDbTest} gives one in-memory server on a random port, shared by every test class of the run.
 *
 * <pre>{@code
 * @ShaleDbTest
 * class OrderRepositoryTest {
 *   @Test
 *   void savesOrders(DynamoDbClient dynamo) {
 *     dynamo.createTable(...);
 *   }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ShaleDbExtension.class)
public @interface ShaleDbTest {

  /** How long a server lives, and so which tests share it. */
  Lifecycle lifecycle() default Lifecycle.PER_RUN;

  /** The port to listen on, on 127.0.0.1; 0, the default, picks a free one. */
  int port() default 0;

  /** Where the server keeps its data. */
  Storage storage() default Storage.MEMORY;

  /** Where the server runs; the system property {@code shaledb.runtime} ({@code child_process}, ...) overrides it. */
  ServerRuntime runtime() default ServerRuntime.CHILD_PROCESS;

  /**
   * The JDK (21 or newer) that runs a child process server. Empty, the default, means: the system property
   * {@code shaledb.java.home}, else the JDK running the tests if it is 21 or newer, else {@code JAVA_HOME}, else the
   * first JDK 21+ in the usual folders ({@code /usr/lib/jvm}, {@code /Library/Java/JavaVirtualMachines},
   * {@code ~/.sdkman/candidates/java}, {@code ~/.jdks}, ...).
   */
  String javaHome() default "";

  /**
   * Class-path resources, each a JSON array of CreateTable requests as DynamoDB takes them (the form of
   * {@code aws dynamodb create-table --cli-input-json}), whose tables are created before the class's tests and
   * deleted after them.
   */
  String[] tablesFrom() default {};

  /** Which tests share a server. */
  enum Lifecycle {
    /** One server for every test class of the run with the same settings: the quickest. */
    PER_RUN,
    /** A server for each test class, stopped after its last test. */
    PER_CLASS,
    /** A fresh server for each test method: no test sees another's data. */
    PER_METHOD
  }

  /** Where a server keeps its data. */
  enum Storage {
    /** In memory: nothing is written to disk. */
    MEMORY,
    /** In a new temporary directory, on the durable engine, deleted when the server stops. */
    TEMP_DIRECTORY
  }

  /** Where a server runs. */
  enum ServerRuntime {
    /**
     * In a child JVM on a JDK 21 or newer, from the server jar that {@code shale-junit} brings: nothing of the server
     * is on the test's class path, so any Java 17+ test JVM and any versions of Netty, Jackson or SLF4J work.
     */
    CHILD_PROCESS,
    /**
     * In the test's own JVM, which must be Java 21 or newer with {@code io.shaledb:shale-server} and its versions of
     * Netty, Jackson and SLF4J on the test class path: starts quicker and runs under the test's debugger.
     */
    IN_PROCESS
  }
}
