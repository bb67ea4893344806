package io.shaledb.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.server.protocol.ErrorResponses;
import java.io.IOException;

/**
 * Aggregates request bodies up to the limit; a larger request is answered with DynamoDB's error and the connection
 * closed, without buffering the body.
 */
final class BoundedAggregator extends HttpObjectAggregator {

  /**
   * A request with an Expect other than 100-continue is answered 417 and the connection closed: the body the client
   * sent anyway is not read, and on a kept connection it was taken for the next request, or, after a header too
   * large, every later request went unanswered.
   */
  BoundedAggregator(int maxContentLength) {
    super(maxContentLength, true);
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws IOException {
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
}
