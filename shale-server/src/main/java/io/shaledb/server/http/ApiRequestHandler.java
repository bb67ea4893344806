package io.shaledb.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.server.protocol.ApiHandler;
import io.shaledb.server.protocol.ApiRequest;
import io.shaledb.server.protocol.Credentials;
import io.shaledb.server.protocol.ErrorResponses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one HTTP request into one API call. A call that never blocks runs on the event loop, which reads nothing else
 * meanwhile; so does a call that may block but first answers without waiting (a GetItem whose item is in memory),
 * which saves the two thread hand-offs. Any other call, and any call with a large body, runs on a worker; requests
 * the client pipelines behind it wait in arrival order until its response is written, so responses leave in request
 * order. Reading from the connection pauses only while such requests wait: pausing and resuming change the socket's
 * epoll interest, a system call each way, which every request paid when reads paused around each call. Requests
 * refused for want of body memory, and calls that would start while responses overdraw it, are answered with
 * DynamoDB's ThrottlingException: the SDKs retry it after a backoff meant for an overloaded service, and it says
 * truly that nothing was done.
 */
final class ApiRequestHandler extends SimpleChannelInboundHandler<IncomingRequest> {
  private static final Logger LOG = LoggerFactory.getLogger(ApiRequestHandler.class);
  private static final String TARGET = "X-Amz-Target";
  /** DynamoDB's message for ThrottlingException (developer guide, "Error handling with DynamoDB"). */
  static final String THROTTLED_MESSAGE = "Rate of requests exceeds the allowed throughput.";

  private final ApiHandler handler;
  private final Executor workers;
  private final boolean callsMayBlock;
  private final BodyMemory memory;
  private final byte[] health;
  /** Requests that arrived while a handed-off call ran; touched on the event loop only. */
  private final ArrayDeque<IncomingRequest> waiting = new ArrayDeque<>();
  private boolean callRunning;
  /**
   * Set once a response closes the connection: HTTP/1.1 forbids running anything the client sent after the request
   * that asked for the close, so later requests are dropped without being run.
   */
  private boolean closing;

  ApiRequestHandler(ApiHandler handler, Executor workers, boolean callsMayBlock, BodyMemory memory, String region) {
    this.handler = handler;
    this.workers = workers;
    this.callsMayBlock = callsMayBlock;
    this.memory = memory;
    this.health = ("healthy: dynamodb." + region + ".amazonaws.com ").getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, IncomingRequest request) {
    if (closing) {
      return;
    }
    if (callRunning) {
      waiting.add(ReferenceCountUtil.retain(request));
      ctx.channel().config().setAutoRead(false);
      return;
    }
    serve(ctx, request);
  }

  private void serve(ChannelHandlerContext ctx, IncomingRequest request) {
    switch (request) {
      case IncomingRequest.Refused refused ->
          send(ctx, error(ctx, throttled(), Responses.newRequestId()), refused.keepAlive());
      case IncomingRequest.Admitted admitted -> serve(ctx, admitted);
    }
  }

  private static DynamoException throttled() {
    return new DynamoException(ErrorCode.THROTTLING, THROTTLED_MESSAGE);
  }

  private void serve(ChannelHandlerContext ctx, IncomingRequest.Admitted admitted) {
    FullHttpRequest request = admitted.http();
    AsciiString requestId = Responses.newRequestId();
    if (request.decoderResult().isFailure()) {
      send(ctx, error(ctx, DynamoException.serialization("Malformed HTTP request"), requestId), false);
      return;
    }
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    if (request.method().equals(HttpMethod.GET)) {
      FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
          Unpooled.wrappedBuffer(health));
      Responses.addHeaders(response, requestId);
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain");
      send(ctx, response, keepAlive);
      return;
    }
    String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
    if (authorization == null) {
      send(ctx, error(ctx, new DynamoException(ErrorCode.MISSING_AUTHENTICATION_TOKEN,
          "Request is missing Authentication Token"), requestId), keepAlive);
      return;
    }
    if (!memory.allowsCall()) {
      send(ctx, error(ctx, throttled(), requestId), keepAlive);
      return;
    }
    Credentials credentials = Credentials.parse(authorization);
    ApiRequest call = new ApiRequest(request.headers().get(TARGET), requestId, credentials.accessKeyId(),
        credentials.region());
    ByteBuf body = request.content();
    if (body.readableBytes() <= BodyMemory.SMALL_BODY) {
      if (!callsMayBlock) {
        send(ctx, call(ctx, call, body, false), keepAlive);
        return;
      }
      int start = body.readerIndex();
      FullHttpResponse answered = call(ctx, call, body, true);
      if (answered != null) {
        send(ctx, answered, keepAlive);
        return;
      }
      body.readerIndex(start);
    }
    // Here too goes a large body on any engine: parsed on the event loop, it would hold up every connection's small
    // calls there (a 16 MB one for tens of milliseconds).
    admitted.retain();
    callRunning = true;
    workers.execute(() -> {
      FullHttpResponse response;
      try {
        response = call(ctx, call, body, false);
      } finally {
        admitted.release();
      }
      ctx.executor().execute(() -> callDone(ctx, response, keepAlive));
    });
  }

  /** On the event loop: writes a handed-off call's response, then serves the requests that waited for it. */
  private void callDone(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
    send(ctx, response, keepAlive);
    callRunning = false;
    boolean paused = !waiting.isEmpty();
    while (!callRunning && !closing && !waiting.isEmpty()) {
      IncomingRequest next = waiting.poll();
      try {
        serve(ctx, next);
      } finally {
        ReferenceCountUtil.release(next);
      }
    }
    if (closing) {
      releaseWaiting();
    } else if (paused && waiting.isEmpty()) {
      ctx.channel().config().setAutoRead(true);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    releaseWaiting();
    super.channelInactive(ctx);
  }

  private void releaseWaiting() {
    waiting.forEach(ReferenceCountUtil::release);
    waiting.clear();
  }

  /**
   * Runs the call on this thread. With {@code withoutBlocking}, returns null when the call would have to wait for I/O
   * (see {@link ApiHandler#handleWithoutBlocking}).
   */
  private FullHttpResponse call(ChannelHandlerContext ctx, ApiRequest call, ByteBuf body, boolean withoutBlocking) {
    ResponseBody out = new ResponseBody(ctx.alloc());
    try (ByteBufInputStream in = new ByteBufInputStream(body)) {
      if (!withoutBlocking) {
        handler.handle(call, in, out);
      } else if (!handler.handleWithoutBlocking(call, in, out)) {
        out.discard();
        return null;
      }
    } catch (DynamoException e) {
      out.discard();
      if (LOG.isDebugEnabled()) {
        LOG.debug("{} {}: {} {}", call.requestId(), call.target(), e.code().type(), e.getMessage());
      }
      return error(ctx, e, call.requestId());
    } catch (IOException | RuntimeException e) {
      out.discard();
      LOG.error("request {} ({}) failed", call.requestId(), call.target(), e);
      return error(ctx, new DynamoException(ErrorCode.INTERNAL_SERVER_ERROR, ErrorResponses.INTERNAL_ERROR_MESSAGE),
          call.requestId());
    }
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
        out.finish());
    Responses.addHeaders(response, call.requestId());
    LOG.debug("{} {}: ok", call.requestId(), call.target());
    return response;
  }

  private static FullHttpResponse error(ChannelHandlerContext ctx, DynamoException e, CharSequence requestId) {
    ByteBuf out = ctx.alloc().buffer(128);
    try (ByteBufOutputStream os = new ByteBufOutputStream(out)) {
      ErrorResponses.write(e, os);
    } catch (IOException impossible) {
      throw new IllegalStateException(impossible);
    }
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.valueOf(e.code().httpStatus()), out);
    Responses.addHeaders(response, requestId);
    return response;
  }

  /** Writes a response, counted in the body memory until it has left for the client. */
  private void send(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
    closing |= !keepAlive;
    HttpUtil.setKeepAlive(response, keepAlive);
    int bytes = response.content().readableBytes();
    memory.charge(bytes);
    ctx.writeAndFlush(response).addListener(written -> memory.release(bytes));
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("connection {} failed", ctx.channel().remoteAddress(), cause);
    ctx.close();
  }
}
