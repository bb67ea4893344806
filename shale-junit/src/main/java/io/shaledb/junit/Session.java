package io.shaledb.junit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A started server and the clients made for it, one of each type, made when first asked for; kept in a JUnit store,
 * which closes it (clients first, then the server) when the scope of its lifecycle ends.
 */
@SuppressWarnings("deprecation") // CloseableResource: the one way to be closed by a store that every JUnit 5 knows.
final class Session implements ExtensionContext.Store.CloseableResource {
  private final RunningServer server;
  private final Map<Class<?>, Object> clients = new LinkedHashMap<>();

  Session(RunningServer server) {
    this.server = server;
  }

  RunningServer server() {
    return server;
  }

  /** This server's one client of {@code type}, made by {@code make} the first time. */
  synchronized Object client(Class<?> type, Supplier<?> make) {
    return clients.computeIfAbsent(type, missing -> make.get());
  }

  @Override
  public synchronized void close() throws Exception {
    List<Object> made = new ArrayList<>(clients.values());
    clients.clear();
    for (Object client : made) {
      if (client instanceof AutoCloseable closeable) {
        closeable.close();
      }
    }
    server.close();
  }
}
