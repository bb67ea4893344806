package io.shaledb.server.cli;

import io.netty.channel.epoll.Epoll;
import org.slf4j.LoggerFactory;

/**
 * Initializes the logging binding and Netty's native transport on a second thread while the main one parses the
 * command line. The server needs both, and on a small machine each takes a tenth of a second or more (reading
 * logging configuration and locale data; loading the epoll library, extracted first unless the launcher found it
 * unpacked), time that picocli's parsing would otherwise come before. Neither depends on the command line, and a
 * failure here is left for the main path, which meets it again and reports it.
 */
final class LibraryWarmup {
  private LibraryWarmup() {}

  static void start() {
    Thread.ofPlatform().daemon().name("shaledb-warmup").start(() -> {
      LoggerFactory.getLogger(LibraryWarmup.class);
      Epoll.isAvailable();
    });
  }
}
