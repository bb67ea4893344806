package io.shaledb.it;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One keep-alive HTTP/1.1 connection that sends requests exactly as given, byte for byte: headers any HTTP client
 * library would refuse (duplicates, garbage, none at all) and bodies that are not what they claim to be. It reads
 * one response per request and opens a new connection when the server closed the last one.
 */
final class WireConnection implements AutoCloseable {
  /** A header line as sent; names and values are not checked. */
  record Header(String name, String value) {}

  /** The bytes of a request; the body is framed by Content-Length, or in chunks when {@code chunked}. */
  record Request(String requestLine, List<Header> headers, byte[] body, boolean chunked) {
    byte[] toBytes() {
      ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 512);
      StringBuilder head = new StringBuilder(requestLine).append("\r\n");
      for (Header h : headers) {
        head.append(h.name()).append(": ").append(h.value()).append("\r\n");
      }
      head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n");
      head.append("\r\n");
      out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (!chunked) {
        out.writeBytes(body);
        return out.toByteArray();
      }
      int half = body.length / 2;
      writeChunk(out, body, 0, half);
      writeChunk(out, body, half, body.length - half);
      out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      return out.toByteArray();
    }

    private static void writeChunk(ByteArrayOutputStream out, byte[] body, int from, int length) {
      if (length > 0) {
        out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body, from, length);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
    }
  }

  /** A response; header names are in lower case. */
  record Response(int status, Map<String, String> headers, byte[] body) {
    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final InetSocketAddress address;
  private final int timeoutMillis;
  private Socket socket;
  private BufferedInputStream in;
  private OutputStream out;
  private int resent;

  WireConnection(InetSocketAddress address, Duration timeout) {
    this.address = address;
    this.timeoutMillis = Math.toIntExact(timeout.toMillis());
  }

  /**
   * Sends the request and reads its response. A kept connection the server closed before answering is replaced
   * and the request sent once more, as HTTP clients do (a server may close an idle connection at any time); a
   * fresh connection that ends without an answer is a failure.
   *
   * @throws IOException when the connection ends or the timeout passes before a whole response arrived: the
   *     server dropped the request
   */
  Response exchange(Request request) throws IOException {
    boolean reused = socket != null;
    try {
      return attempt(request);
    } catch (ClosedBeforeAnswer e) {
      close();
      if (!reused) {
        throw e;
      }
      resent++;
    } catch (IOException e) {
      close();
      throw e;
    }
    try {
      return attempt(request);
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  /** How many requests were sent again because a kept connection had been closed. */
  int resent() {
    return resent;
  }

  private Response attempt(Request request) throws IOException {
    if (socket == null) {
      connect();
    }
    try {
      out.write(request.toBytes());
      out.flush();
    } catch (IOException e) {
      // A server may answer and close before it read all of a request it refuses (an oversized header, say): what
      // counts is whether an answer arrived.
    }
    Response response = readResponse();
    if ("close".equalsIgnoreCase(response.headers().get("connection"))) {
      close();
    }
    return response;
  }

  /** The connection ended before the first byte of a response. */
  private static final class ClosedBeforeAnswer extends IOException {
    private static final long serialVersionUID = 1L;

    ClosedBeforeAnswer(String message) {
      super(message);
    }
  }

  private void connect() throws IOException {
    socket = new Socket();
    socket.connect(address, timeoutMillis);
    socket.setSoTimeout(timeoutMillis);
    socket.setTcpNoDelay(true);
    in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    out = socket.getOutputStream();
  }

  private void awaitAnswer() throws IOException {
    in.mark(1);
    int first;
    try {
      first = in.read();
    } catch (SocketException e) {
      throw new ClosedBeforeAnswer(e.getMessage());
    }
    if (first == -1) {
      throw new ClosedBeforeAnswer("the connection ended before a response");
    }
    in.reset();
  }

  private Response readResponse() throws IOException {
    awaitAnswer();
    while (true) {
      String statusLine = readLine();
      String[] parts = statusLine.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
        throw new IOException("not an HTTP status line: " + statusLine);
      }
      int status = Integer.parseInt(parts[1]);
      Map<String, String> headers = new HashMap<>();
      for (String line = readLine(); !line.isEmpty(); line = readLine()) {
        int colon = line.indexOf(':');
        headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
      }
      if (status / 100 == 1) {
        continue;
      }
      int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
      byte[] body = in.readNBytes(length);
      if (body.length < length) {
        throw new EOFException("the connection ended after " + body.length + " of " + length + " body bytes");
      }
      return new Response(status, headers, body);
    }
  }

  private String readLine() throws IOException {
    StringBuilder line = new StringBuilder();
    while (true) {
      int b = in.read();
      if (b == -1) {
        throw new EOFException("the connection ended after " + line.length() + " bytes of a line");
      }
      if (b == '\n') {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
      }
      line.append((char) b);
    }
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // Closing a connection the server already closed: nothing to do.
      }
      socket = null;
    }
  }
}
