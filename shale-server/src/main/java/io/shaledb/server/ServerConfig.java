package io.shaledb.server;

import java.nio.file.Path;

/**
 * How to run a server.
 *
 * @param dataDirectory where the durable engine keeps its files; unused in memory
 */
public record ServerConfig(String host, int port, Path dataDirectory, boolean inMemory, String region) {
  public static final int DEFAULT_PORT = 8000;
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final String DEFAULT_REGION = "us-east-1";

  /** An in-memory server on a random loopback port, as tests want it. */
  public static ServerConfig inMemoryOnRandomPort() {
    return new ServerConfig(DEFAULT_HOST, 0, null, true, DEFAULT_REGION);
  }
}
