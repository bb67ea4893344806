package io.shaledb.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.server.protocol.ErrorResponses;
import java.io.IOException;
import java.util.List;

/**
 * Aggregates request bodies up to the limit, each within the body memory: a request's body is reserved when its
 * head arrives, before any of it is read. A request whose body does not fit is passed on as
 * {@link IncomingRequest.Refused}, to be answered in its turn, and its body is dropped as it arrives. A request over
 * the size limit is answered with DynamoDB's error and the connection closed, without buffering the body.
 */
final class BoundedAggregator extends HttpObjectAggregator {
  private final BodyMemory memory;
  private final Responses responses;
  private final Cors cors;
  /** What the request being aggregated reserved, until it is passed on. */
  private long reserved;
  /** Whether the body of a refused request is arriving, to be dropped. */
  private boolean dropping;

  /**
   * A request with an Expect other than 100-continue is answered 417 and the connection closed: the body the client
   * sent anyway is not read, and on a kept connection it was taken for the next request, or, after a header too
   * large, every later request went unanswered.
   */
  BoundedAggregator(int maxContentLength, BodyMemory memory, Responses responses, Cors cors) {
    super(maxContentLength, true);
    this.memory = memory;
    this.responses = responses;
    this.cors = cors;
  }

  /**
   * The aggregator takes a body's parts only while it aggregates, and lets whole requests pass as they are: the
   * parts of a refused request are taken to be dropped, and whole requests (the decoder's stand-in for one it could
   * not read) to be passed on like any other.
   */
  @Override
  public boolean acceptInboundMessage(Object msg) throws Exception {
    return msg instanceof FullHttpRequest || (dropping && msg instanceof HttpContent)
        || super.acceptInboundMessage(msg);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, HttpObject msg, List<Object> out) throws Exception {
    if (msg instanceof FullHttpRequest whole) {
      out.add(new IncomingRequest.Admitted(whole.retain(), 0, memory));
    } else if (msg instanceof HttpRequest head) {
      begin(ctx, head, out);
    } else if (dropping) {
      dropping = !(msg instanceof LastHttpContent);
    } else {
      aggregate(ctx, msg, out);
    }
  }

  /** A request's head: its body is reserved and aggregation begins, or the request is refused. */
  private void begin(ChannelHandlerContext ctx, HttpRequest head, List<Object> out) throws Exception {
    dropping = false;
    releaseReserved();
    long bytes = head.decoderResult().isSuccess() ? bodyBytes(head) : 0;
    // A body over the size limit is the aggregator's to refuse (413), with nothing reserved.
    boolean oversized = bytes > maxContentLength();
    if (oversized || memory.tryReserve(bytes)) {
      reserved = oversized ? 0 : bytes;
      aggregate(ctx, head, out);
    } else {
      dropping = true;
      out.add(new IncomingRequest.Refused(HttpUtil.isKeepAlive(head) && !HttpUtil.is100ContinueExpected(head),
          cors.allowedOrigin(head.headers())));
    }
  }

  private void aggregate(ChannelHandlerContext ctx, HttpObject msg, List<Object> out) throws Exception {
    super.decode(ctx, msg, out);
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i) instanceof FullHttpRequest request) {
        out.set(i, new IncomingRequest.Admitted(request, reserved, memory));
        reserved = 0;
      }
    }
  }

  /**
   * The bytes a request's body will take: its Content-Length (which the decoder has checked), or the size limit for
   * a chunked body, whose length nobody knows before it has all arrived. A request that failed to decode reserves
   * nothing: it is answered without being run.
   */
  private long bodyBytes(HttpMessage head) {
    long length = HttpUtil.getContentLength(head, -1L);
    if (length >= 0) {
      return length;
    }
    return HttpUtil.isTransferEncodingChunked(head) ? maxContentLength() : 0;
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws IOException {
    releaseReserved();
    ByteBuf body = ctx.alloc().buffer(128);
    try (ByteBufOutputStream out = new ByteBufOutputStream(body)) {
      ErrorResponses.write(HttpApiServer.requestTooLarge(), out);
    }
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.valueOf(ErrorCode.REQUEST_TOO_LARGE.httpStatus()), body);
    responses.addHeaders(response, Responses.newRequestId());
    response.headers().set(HttpHeaderNames.CONNECTION, "close");
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    try {
      super.channelInactive(ctx);
    } finally {
      releaseReserved();
    }
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) throws Exception {
    try {
      super.handlerRemoved(ctx);
    } finally {
      releaseReserved();
    }
  }

  private void releaseReserved() {
    memory.release(reserved);
    reserved = 0;
  }
}
