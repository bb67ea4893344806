package io.shaledb.server.http;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which Host headers a server without authentication answers: loopback names (127.0.0.0/8, ::1, localhost) and the
 * hosts allowed by option ({@code *} allows any). A web page can make a browser send requests to a local server
 * under a name its attacker controls that resolves to 127.0.0.1 (DNS rebinding); the browser then names that host
 * in the Host header, which this refuses. A request without a Host header (HTTP/1.0) comes from no browser and is
 * answered.
 */
public record HostCheck(Set<String> allowedHosts) {
  static final String ANY = "*";

  public HostCheck {
    allowedHosts = Set.copyOf(allowedHosts.stream().map(host -> host.toLowerCase(Locale.ROOT)).toList());
  }

  boolean allows(@Nullable String hostHeader) {
    if (hostHeader == null || allowedHosts.contains(ANY)) {
      return true;
    }
    String host = withoutPort(hostHeader.trim().toLowerCase(Locale.ROOT));
    return isLoopback(host) || allowedHosts.contains(host);
  }

  /**
   * Whether a host name or address names this machine's loopback interface. Read character by character, without a
   * regular expression or substrings: a server without authentication asks it for every request.
   */
  public static boolean isLoopback(String host) {
    if (host.equals("localhost") || host.equals("::1") || host.equals("[::1]")) {
      return true;
    }
    if (!host.startsWith("127.")) {
      return false;
    }
    int octets = 1;
    int value = 0;
    int digits = 0;
    for (int i = "127.".length(); i < host.length(); i++) {
      char c = host.charAt(i);
      if (c == '.') {
        if (digits == 0 || ++octets > 3) {
          return false;
        }
        value = 0;
        digits = 0;
      } else if (c >= '0' && c <= '9' && digits < 3) {
        value = value * 10 + (c - '0');
        digits++;
        if (value > 255) {
          return false;
        }
      } else {
        return false;
      }
    }
    return octets == 3 && digits > 0;
  }

  /** {@code host:port} without the port; an IPv6 literal keeps its brackets. */
  static String withoutPort(String host) {
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end < 0 ? host : host.substring(0, end + 1);
    }
    int colon = host.indexOf(':');
    return colon < 0 || host.indexOf(':', colon + 1) >= 0 ? host : host.substring(0, colon);
  }
}
