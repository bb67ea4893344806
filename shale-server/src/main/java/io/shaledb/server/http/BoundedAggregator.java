package io.shaledb.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpMessage;
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
  /** What the request being aggregated reserved, until it is passed on. */
  private long reserved;
  /** Whether the body of a refused request is arriving, to be dropped. */
  private boolean dropping;

  BoundedAggregator(int maxContentLength, BodyMemory memory) {
    super(maxContentLength);
    this.memory = memory;
  }

  /** The aggregator takes a body's parts only while it aggregates; those of a refused request are taken to drop. */
  @Override
  public boolean acceptInboundMessage(Object msg) throws Exception {
    return dropping && msg instanceof HttpContent || super.acceptInboundMessage(msg);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, HttpObject msg, List<Object> out) throws Exception {
    if (msg instanceof HttpRequest head && !(msg instanceof FullHttpMessage)) {
      dropping = false;
      releaseReserved();
      long bytes = head.decoderResult().isSuccess() ? bodyBytes(head) : 0;
      // A body over the size limit is the aggregator's to refuse (413), with nothing reserved.
      boolean oversized = bytes > maxContentLength();
      if (!oversized && !memory.tryReserve(bytes)) {
        dropping = true;
        out.add(new IncomingRequest.Refused(HttpUtil.isKeepAlive(head) && !HttpUtil.is100ContinueExpected(head)));
        return;
      }
      reserved = oversized ? 0 : bytes;
    } else if (dropping) {
      dropping = !(msg instanceof LastHttpContent);
      return;
    }
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
      ErrorResponses.write(ErrorCode.REQUEST_TOO_LARGE, "Request size exceeds the limit of "
          + HttpApiServer.MAX_REQUEST_BYTES + " bytes", out);
    }
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.valueOf(ErrorCode.REQUEST_TOO_LARGE.httpStatus()), body);
    Responses.addHeaders(response, Responses.newRequestId());
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
