package io.shaledb.ignite;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * Whether something accepts a TCP connection at a node's cluster address. It tells a process that is up from one that
 * is down or out of reach, without speaking Ignite's protocol, so it also answers for a node that Ignite itself does
 * not talk to (a launch it refuses, a node still starting).
 */
final class AddressProbe {
  private AddressProbe() {}

  /**
   * @param address {@code host:port}
   * @param patience how long the connection may take; a partitioned address (packets dropped) costs this much
   */
  static boolean accepts(String address, Duration patience) {
    int colon = address.lastIndexOf(':');
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))),
          (int) patience.toMillis());
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
