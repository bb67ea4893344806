package io.shaledb.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Carries TCP connections between the test's network namespace and a node's: a Unix domain socket is a file, which
 * both namespaces see. In the test, {@link #toUnixSocket} listens on a loopback port and passes each connection to a
 * socket file; in the node's namespace, {@link #main} listens on that file and passes each connection on to the node's
 * port there. Clients so reach every node whatever the partitions between the nodes, as Jepsen's clients do.
 */
final class SocketRelay implements AutoCloseable {
  private final ServerSocketChannel listening;

  private SocketRelay(ServerSocketChannel listening) {
    this.listening = listening;
  }

  /**
   * In a node's namespace: {@code SocketRelay SOCKET_FILE PORT} relays connections made to the file to port PORT of
   * its loopback, until its standard input ends (the test that started it is gone).
   */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    InetSocketAddress node = new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[1]));
    ServerSocketChannel listening = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    listening.bind(UnixDomainSocketAddress.of(file));
    new SocketRelay(listening).acceptInBackground(() -> node);
    while (System.in.read() >= 0) {
      // Nothing is sent on standard input; its end is the signal.
    }
    System.exit(0);
  }

  /** In the test: relays connections to the returned relay's loopback port to {@code file}. */
  static SocketRelay toUnixSocket(Path file) throws IOException {
    ServerSocketChannel listening = ServerSocketChannel.open();
    listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    SocketRelay relay = new SocketRelay(listening);
    relay.acceptInBackground(() -> UnixDomainSocketAddress.of(file));
    return relay;
  }

  int port() {
    try {
      return ((InetSocketAddress) listening.getLocalAddress()).getPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    listening.close();
  }

  private void acceptInBackground(Supplier<SocketAddress> target) {
    Thread.ofVirtual().start(() -> {
      while (listening.isOpen()) {
        try {
          SocketChannel accepted = listening.accept();
          Thread.ofVirtual().start(() -> connect(accepted, target.get()));
        } catch (IOException e) {
          return;
        }
      }
    });
  }

  /** Connects {@code accepted} to {@code target}; when either side ends or fails, both are closed. */
  private static void connect(SocketChannel accepted, SocketAddress target) {
    try (accepted; SocketChannel other = SocketChannel.open(target)) {
      Thread back = Thread.ofVirtual().start(() -> pump(other, accepted));
      pump(accepted, other);
      back.join();
    } catch (IOException e) {
      // The node is down: closing the client's connection tells it so.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void pump(SocketChannel from, SocketChannel to) {
    ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
    try {
      while (from.read(buffer) >= 0) {
        buffer.flip();
        while (buffer.hasRemaining()) {
          to.write(buffer);
        }
        buffer.clear();
      }
      to.shutdownOutput();
    } catch (IOException e) {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // Closing is all that is left to do.
    }
  }
}
