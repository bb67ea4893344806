package io.shaledb.server.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.ssl.SslContext;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.server.metrics.RequestObserver;
import io.shaledb.server.protocol.ApiHandler;
import io.shaledb.server.time.SettableClock;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP/1.1 front door: Netty event loops decode requests and write responses. API calls that may block on
 * storage run on virtual threads, so the event loops never wait; when the storage engine never blocks, or a call
 * can answer from memory ({@link ApiHandler#handleWithoutBlocking}), the event loop answers it itself, which saves
 * the two thread hand-offs (a third of a GetItem's CPU time in memory). What clients may hold is bounded by
 * {@link HttpLimits}: connections, their idle and request time, and the memory of the bodies in flight.
 */
public final class HttpApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApiServer.class);
  /** DynamoDB's largest request body. */
  public static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;

  private final EventLoopGroup group;
  private final ExecutorService workers;
  private final Channel channel;
  private final BodyMemory memory;

  private HttpApiServer(EventLoopGroup group, ExecutorService workers, Channel channel, BodyMemory memory) {
    this.group = group;
    this.workers = workers;
    this.channel = channel;
    this.memory = memory;
  }

  /**
   * Binds {@code host:port} (port 0 picks a free one) and serves {@code handler}, whose calls run on the event loops
   * unless {@code callsMayBlock}, within {@code limits}; {@code clock} dates the responses and spaces the warnings
   * about limits reached, and a {@link SettableClock} can be moved by tests on this machine ({@link ClockControl}).
   *
   * @throws IllegalStateException when the address cannot be bound (in use, not local), with nothing left running
   */
  public static HttpApiServer start(String host, int port, ApiHandler handler, boolean callsMayBlock,
      HttpLimits limits, Clock clock) throws InterruptedException {
    return start(host, port, handler, callsMayBlock, limits, clock, HttpSecurity.loopbackOnly(),
        RequestObserver.failuresOnly(), WebPages.none());
  }

  /**
   * As above, guarded by {@code security} (authentication, allowed hosts and origins, TLS), each request's outcome
   * told to {@code observer}, whose metrics, if any, are served at {@code /metrics}, and answering other GET requests
   * with {@code pages}.
   */
  public static HttpApiServer start(String host, int port, ApiHandler handler, boolean callsMayBlock,
      HttpLimits limits, Clock clock, HttpSecurity security, RequestObserver observer, WebPages pages)
      throws InterruptedException {
    boolean epoll = Epoll.isAvailable();
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    Class<? extends ServerChannel> channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(io);
    ExecutorService workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("shale-api-", 0).factory());
    ConnectionLimit connections = new ConnectionLimit(limits.maxConnections(), clock, LOG::warn);
    BodyMemory memory = new BodyMemory(limits.bodyMemoryBytes(), new OccasionalWarning(String.format(Locale.ROOT,
        "the memory for request and response bodies (%.1f MiB) is full: requests are answered with"
        + " ThrottlingException until some are done", limits.bodyMemoryBytes() / (1024.0 * 1024)),
        ConnectionLimit.WARNING_INTERVAL, clock, LOG::warn));
    Responses responses = new Responses(clock);
    Cors cors = new Cors(security.corsOrigins());
    OccasionalWarning refusedHosts = new OccasionalWarning("requests naming a host that is not a loopback one were"
        + " refused: without authentication only loopback hosts and those named by --allowed-host are answered, a"
        + " guard against DNS rebinding", ConnectionLimit.WARNING_INTERVAL, clock, LOG::warn);
    try {
      Channel channel = new ServerBootstrap()
          .group(group)
          .channel(channelType)
          .option(ChannelOption.SO_BACKLOG, 1024)
          .handler(connections)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              SslContext tls = security.tls();
              if (tls != null) {
                ch.pipeline().addLast(tls.newHandler(ch.alloc()));
              }
              ch.pipeline()
                  .addLast(new HttpServerCodec())
                  .addLast(new ConnectionTimeouts(limits.idleTimeout(), limits.requestTimeout()))
                  .addLast(new HttpServerKeepAliveHandler())
                  .addLast(new BoundedAggregator(MAX_REQUEST_BYTES, memory, responses, cors));
              if (clock instanceof SettableClock settable) {
                ch.pipeline().addLast(new ClockControl(settable));
              }
              ch.pipeline().addLast(new ApiRequestHandler(handler, workers, callsMayBlock, memory, responses, security,
                  refusedHosts, observer, pages));
            }
          })
          .bind(new InetSocketAddress(host, port))
          .sync()
          .channel();
      return new HttpApiServer(group, workers, channel, memory);
    } catch (Exception e) {
      // Netty rethrows a failed bind's IOException undeclared, past a catch of the declared exceptions: catching
      // them alone left the event loops (and, in ShaleDbServer, the opened database) running after the failure.
      group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      workers.shutdownNow();
      if (e instanceof InterruptedException interrupted) {
        throw interrupted;
      }
      throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  /** The answer to a request body over {@link #MAX_REQUEST_BYTES}, as it arrived or once decompressed. */
  static DynamoException requestTooLarge() {
    return new DynamoException(ErrorCode.REQUEST_TOO_LARGE, "Request size exceeds the limit of " + MAX_REQUEST_BYTES
        + " bytes");
  }

  /** The port actually bound. */
  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** The body memory, for tests to read what it held. */
  BodyMemory memory() {
    return memory;
  }

  /** Stops accepting, lets in-flight calls finish for a moment, then stops the event loops. */
  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    workers.shutdown();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Bounded: a stop was once seen waiting forever on this future after the event loops had gone, which kept the
    // process alive after SIGTERM. The storage engine is closed after this either way.
    if (!group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS)) {
      LOG.warn("the event loops did not report their stop within 10 seconds; stopping without them");
    }
  }
}
