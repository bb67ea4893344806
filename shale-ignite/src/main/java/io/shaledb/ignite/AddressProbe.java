package io.shaledb.ignite;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * What a node's cluster address answers a TCP connection with. It tells a process that is up from one that is gone or
 * out of reach, without speaking Ignite's protocol, so it also answers for a node that Ignite itself does not talk to
 * (a launch it refuses, a node still starting).
 */
final class AddressProbe {
  /** What an address answered a connection with. */
  enum Answer {
    ACCEPTED,
    /** Nothing listens there: the kernel of a live host refused the connection. */
    REFUSED,
    /** Timed out, or failed otherwise (no route, a name that does not resolve): no evidence either way. */
    NO_ANSWER
  }

  private AddressProbe() {}

  /**
   * Connects to {@code address} and closes the connection at once.
   *
   * @param patience how long the connection may take; a partitioned address (packets dropped) costs this much
   */
  static Answer answer(InetSocketAddress address, Duration patience) {
    try (Socket socket = new Socket()) {
      socket.connect(address, (int) patience.toMillis());
      return Answer.ACCEPTED;
    } catch (ConnectException e) {
      return Answer.REFUSED;
    } catch (IOException | RuntimeException e) {
      // A timeout (SocketTimeoutException), an unreachable or blackholed route, an unresolved name.
      return Answer.NO_ANSWER;
    }
  }

  /** Whether something accepts a connection at {@code address} ({@code host:port}) within {@code patience}. */
  static boolean accepts(String address, Duration patience) {
    int colon = address.lastIndexOf(':');
    try {
      return answer(new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))),
          patience) == Answer.ACCEPTED;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
