package io.shaledb.diff;

import java.lang.reflect.Field;

/**
 * The main class of the DynamoDB Local child JVM: DynamoDB Local's own server, bound to 127.0.0.1 on a free port.
 * Its command line has no bind address (it listens on every interface) and refuses port 0, so this sets both on its
 * Jetty connector before starting, then prints the bound port for {@link DynamoDbLocalProcess}. It runs on DynamoDB
 * Local's classpath and reaches its classes by reflection, so no DynamoDB Local class is ever on this module's own
 * classpath.
 */
public final class LoopbackDynamoDbLocal {
  static final String LISTENING = "dynamodb-local listening on port ";

  private LoopbackDynamoDbLocal() {}

  public static void main(String[] args) throws ReflectiveOperationException {
    Object server = Class.forName("software.amazon.dynamodb.services.local.main.ServerRunner")
        .getMethod("createServerFromCommandLineArgs", String[].class)
        .invoke(null, (Object) new String[] {"-inMemory", "-disableTelemetry", "-port", "8000"});
    Field jettyField = server.getClass().getDeclaredField("server");
    jettyField.setAccessible(true);
    Object jetty = jettyField.get(server);
    Object connector = ((Object[]) jetty.getClass().getMethod("getConnectors").invoke(jetty))[0];
    connector.getClass().getMethod("setHost", String.class).invoke(connector, "127.0.0.1");
    connector.getClass().getMethod("setPort", int.class).invoke(connector, 0);
    // safeStart, unlike start, sends no start-up telemetry.
    server.getClass().getMethod("safeStart").invoke(server);
    System.out.println(LISTENING + connector.getClass().getMethod("getLocalPort").invoke(connector));
  }
}
