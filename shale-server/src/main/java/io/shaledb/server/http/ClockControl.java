package io.shaledb.server.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import io.shaledb.server.time.SettableClock;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;

/**
 * Lets tests move a server's {@link SettableClock}, so a test in another process (the JUnit extension's child
 * server) can expire items and age streams without waiting. It is in the pipeline only of a server whose clock is a
 * {@code SettableClock} ({@code shaledb serve --settable-clock}); no other server has it. It answers only clients on
 * the same machine, and only at {@value #PATH}:
 *
 * <ul>
 *   <li>{@code GET}: the clock's time, as an ISO-8601 instant;
 *   <li>{@code PUT} with an ISO-8601 instant as the body: moves the clock there;
 *   <li>{@code POST} with an ISO-8601 duration ({@code PT1H}) as the body: moves the clock forward by it.
 * </ul>
 *
 * <p>Each answers the clock's new time in plain text, or 400 with the reason (the clock never moves back). Any other
 * request passes on to the API.
 */
final class ClockControl extends ChannelInboundHandlerAdapter {
  static final String PATH = "/shaledb/clock";

  private final SettableClock clock;

  ClockControl(SettableClock clock) {
    this.clock = clock;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof IncomingRequest.Admitted admitted) || !admitted.http().uri().equals(PATH)) {
      ctx.fireChannelRead(msg);
      return;
    }
    try {
      FullHttpRequest request = admitted.http();
      FullHttpResponse response = answer(ctx, request);
      boolean keepAlive = HttpUtil.isKeepAlive(request);
      HttpUtil.setKeepAlive(response, keepAlive);
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
          .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
      ctx.writeAndFlush(response).addListener(keepAlive ? ChannelFutureListener.CLOSE_ON_FAILURE
          : ChannelFutureListener.CLOSE);
    } finally {
      ReferenceCountUtil.release(admitted);
    }
  }

  private FullHttpResponse answer(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (!(ctx.channel().remoteAddress() instanceof InetSocketAddress remote)
        || !remote.getAddress().isLoopbackAddress()) {
      return text(HttpResponseStatus.FORBIDDEN, "the clock answers only clients on this machine");
    }
    String body = request.content().toString(StandardCharsets.UTF_8).strip();
    HttpMethod method = request.method();
    try {
      if (method.equals(HttpMethod.GET)) {
        return text(HttpResponseStatus.OK, clock.instant().toString());
      } else if (method.equals(HttpMethod.PUT)) {
        return text(HttpResponseStatus.OK, clock.set(Instant.parse(body)).toString());
      } else if (method.equals(HttpMethod.POST)) {
        return text(HttpResponseStatus.OK, clock.advance(Duration.parse(body)).toString());
      }
      return text(HttpResponseStatus.METHOD_NOT_ALLOWED, "GET, PUT an instant or POST a duration");
    } catch (DateTimeException | IllegalArgumentException e) {
      return text(HttpResponseStatus.BAD_REQUEST, String.valueOf(e.getMessage()));
    }
  }

  private static FullHttpResponse text(HttpResponseStatus status, String text) {
    return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
        Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
  }
}
