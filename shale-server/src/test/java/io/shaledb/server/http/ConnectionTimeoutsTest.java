package io.shaledb.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each timeout on a connection whose time the test moves by hand: nothing waits for time to pass. */
class ConnectionTimeoutsTest {
  private static final Duration SHORT = Duration.ofSeconds(1);
  private static final Duration LONG = Duration.ofSeconds(10);
  private static final String REQUEST = "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n\r\n{}";

  private EmbeddedChannel connection;

  @AfterEach
  void close() {
    connection.finishAndReleaseAll();
  }

  private void open(Duration idleTimeout, Duration requestTimeout) {
    connection = new EmbeddedChannel();
    connection.freezeTime();
    connection.pipeline().addLast(new HttpServerCodec(), new ConnectionTimeouts(idleTimeout, requestTimeout),
        new HttpObjectAggregator(1024), new ChannelInboundHandlerAdapter() {
          @Override
          public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // As the server's last handler does: a request cut short by the close is no error of the test.
          }
        });
  }

  private void pass(Duration time) {
    connection.advanceTimeBy(time.toNanos(), TimeUnit.NANOSECONDS);
    connection.runScheduledPendingTasks();
  }

  private void arrive(String bytes) {
    connection.writeInbound(Unpooled.copiedBuffer(bytes, StandardCharsets.US_ASCII));
  }

  /** Takes the request the connection received, as a call would. */
  private void receiveRequest() {
    FullHttpRequest request = connection.readInbound();
    assertThat(request).isNotNull();
    request.release();
  }

  private void answer() {
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
    connection.writeOutbound(response);
  }

  @Test
  void idleConnection_afterTheIdleTimeout_isClosed() {
    open(SHORT, LONG);

    pass(SHORT.minusMillis(1));
    assertThat(connection.isOpen()).isTrue();
    pass(Duration.ofMillis(1));

    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void answeredRequest_idleTimeCountsFromTheAnswer() {
    open(SHORT, SHORT);
    pass(Duration.ofMillis(900));
    arrive(REQUEST);
    receiveRequest();
    pass(Duration.ofMillis(900));
    answer();

    pass(Duration.ofMillis(900));
    assertThat(connection.isOpen()).isTrue();
    pass(Duration.ofMillis(100));

    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void runningCall_isNeverClosed() {
    open(SHORT, SHORT);
    arrive(REQUEST);
    receiveRequest();

    pass(Duration.ofHours(1));

    assertThat(connection.isOpen()).isTrue();
  }

  @Test
  void headTrickledByteByByte_afterTheRequestTimeout_isClosed() {
    open(LONG, SHORT);
    pass(Duration.ofSeconds(5));
    arrive("POST / HTTP/1.1\r\nHo");
    pass(Duration.ofMillis(500));
    arrive("st: local");

    pass(Duration.ofMillis(499));
    assertThat(connection.isOpen()).isTrue();
    pass(Duration.ofMillis(1));

    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void bodyTrickled_afterTheRequestTimeout_isClosed() {
    open(LONG, SHORT);
    arrive("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 10\r\n\r\n{\"a\"");

    pass(SHORT);

    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void wholeRequestInOneRead_isNotMistakenForATrickle() {
    open(LONG, SHORT);
    arrive(REQUEST);
    receiveRequest();
    answer();

    pass(SHORT.multipliedBy(5));

    assertThat(connection.isOpen()).as("idle for half the idle timeout").isTrue();
  }

  @Test
  void clientNotTakingItsResponse_afterTheRequestTimeout_isClosed() {
    open(LONG, SHORT);
    connection.config().setWriteBufferWaterMark(new WriteBufferWaterMark(1, 2));
    arrive(REQUEST);
    receiveRequest();
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
        Unpooled.copiedBuffer("{}", StandardCharsets.US_ASCII));
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 2);
    connection.write(response);
    assertThat(connection.isWritable()).as("the response waits for the client").isFalse();

    pass(SHORT);

    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void closeIfIdle_closesAnIdleConnection() {
    open(LONG, LONG);

    connection.pipeline().fireUserEventTriggered(ConnectionTimeouts.CLOSE_IF_IDLE);

    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void closeIfIdle_leavesAConnectionWithACallRunning() {
    open(LONG, LONG);
    arrive(REQUEST);
    receiveRequest();

    connection.pipeline().fireUserEventTriggered(ConnectionTimeouts.CLOSE_IF_IDLE);

    assertThat(connection.isOpen()).isTrue();
  }

  @Test
  void closeIfIdle_leavesAConnectionWhoseRequestIsArriving() {
    open(LONG, LONG);
    arrive("POST / HTTP/1.1\r\n");

    connection.pipeline().fireUserEventTriggered(ConnectionTimeouts.CLOSE_IF_IDLE);

    assertThat(connection.isOpen()).isTrue();
  }
}
