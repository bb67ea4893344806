package io.shaledb.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The machine's HTTP limit: a minimal Netty server that answers every request, on the event loop, with the fixed body
 * of a GetItem response of the benchmark's item size. bench/compare.sh measures it beside ShaleDB, so ShaleDB's CPU
 * per request can be read against what HTTP alone costs here.
 *
 * <p>Run: {@code java -cp shale-bench/target/shale-benchmarks.jar io.shaledb.bench.EchoServer 18002}
 */
public final class EchoServer {
  private static final byte[] BODY = ("{\"Item\":{\"id\":{\"S\":\"k4711\"},\"c\":{\"N\":\"0\"},\"payload\":{\"S\":\""
      + "x".repeat(160) + "\"}}}").getBytes(StandardCharsets.UTF_8);

  private EchoServer() {}

  public static void main(String[] args) throws InterruptedException {
    int port = Integer.parseInt(args[0]);
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(EpollIoHandler.newFactory());
    ByteBuf body = Unpooled.unreleasableBuffer(Unpooled.directBuffer(BODY.length).writeBytes(BODY));
    new ServerBootstrap()
        .group(group)
        .channel(EpollServerSocketChannel.class)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline()
                .addLast(new HttpServerCodec())
                .addLast(new HttpServerKeepAliveHandler())
                .addLast(new HttpObjectAggregator(1 << 20))
                .addLast(new SimpleChannelInboundHandler<FullHttpRequest>() {
                  @Override
                  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                    DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                        HttpResponseStatus.OK, body.duplicate());
                    response.headers()
                        .set(HttpHeaderNames.CONTENT_TYPE, "application/x-amz-json-1.0")
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, BODY.length);
                    ctx.writeAndFlush(response);
                  }
                });
          }
        })
        .bind(new InetSocketAddress("127.0.0.1", port))
        .sync()
        .channel()
        .closeFuture()
        .sync();
  }
}
