package io.shaledb.server.http;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * What the HTTP edge lets clients hold, so that idle, slow or greedy clients cannot stop a fresh one from being
 * served.
 *
 * @param idleTimeout how long a connection with no request in flight and nothing arriving stays open
 * @param requestTimeout how long a request may take to arrive once its first byte has (a client trickling its
 *     headers or body is cut off), and how long a response may wait for the client to take it
 * @param maxConnections connections open at once; further ones are closed as soon as they are accepted
 * @param bodyMemoryBytes the request and response bodies the server holds at once (see {@link BodyMemory})
 */
public record HttpLimits(Duration idleTimeout, Duration requestTimeout, int maxConnections, long bodyMemoryBytes) {
  /** DynamoDB's endpoints and DynamoDB Local close connections after a minute without requests. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
  /** Connections allowed when the descriptor limit cannot be read (not a Unix system). */
  static final int CONNECTIONS_WITHOUT_DESCRIPTOR_LIMIT = 8192;
  /** Enough for three of the largest requests (16 MB) even when the heap is small. */
  static final long MIN_DEFAULT_BODY_MEMORY = 64L * 1024 * 1024;

  public HttpLimits {
    if (idleTimeout.isNegative() || idleTimeout.isZero() || requestTimeout.isNegative()
        || requestTimeout.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive: " + idleTimeout + ", " + requestTimeout);
    }
    if (maxConnections < 1 || bodyMemoryBytes < 1) {
      throw new IllegalArgumentException("limits must be positive: " + maxConnections + ", " + bodyMemoryBytes);
    }
  }

  /** The limits for this process: connections from its descriptor limit, body memory from its heap. */
  public static HttpLimits defaults() {
    return new HttpLimits(DEFAULT_IDLE_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, defaultMaxConnections(descriptorLimit()),
        defaultBodyMemory(Runtime.getRuntime().maxMemory()));
  }

  public HttpLimits withIdleTimeout(Duration timeout) {
    return new HttpLimits(timeout, requestTimeout, maxConnections, bodyMemoryBytes);
  }

  public HttpLimits withMaxConnections(int connections) {
    return new HttpLimits(idleTimeout, requestTimeout, connections, bodyMemoryBytes);
  }

  /**
   * Three quarters of the descriptor limit, keeping at least 256 descriptors (when the limit has 512) for what else
   * the process opens: RocksDB keeps every table file open, the JVM its jars. Past the limit, accepting fails inside
   * the kernel and a fresh client is answered by nothing at all; below it, the server refuses in the open.
   */
  static int defaultMaxConnections(long descriptorLimit) {
    if (descriptorLimit <= 0) {
      return CONNECTIONS_WITHOUT_DESCRIPTOR_LIMIT;
    }
    long connections = Math.max(descriptorLimit / 2, descriptorLimit - Math.max(descriptorLimit / 4, 256));
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, connections));
  }

  /**
   * A quarter of the heap: request bodies arrive in direct buffers (which Netty bounds by the heap's size) and become
   * objects on the heap as they are parsed, so a quarter for the bodies leaves the rest for what they turn into.
   */
  static long defaultBodyMemory(long maxHeap) {
    return Math.max(MIN_DEFAULT_BODY_MEMORY, maxHeap / 4);
  }

  /** The process's soft limit on open files, or -1 where there is none to read. */
  private static long descriptorLimit() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
        ? unix.getMaxFileDescriptorCount() : -1;
  }
}
