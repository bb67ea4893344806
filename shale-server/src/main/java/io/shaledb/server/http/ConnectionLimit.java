package io.shaledb.server.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Caps the connections open at once, below the process's descriptor limit: at that limit the kernel's accept fails,
 * and a fresh client is answered by nothing at all. A connection accepted at the cap is closed at once, before it is
 * registered with an event loop (the client sees the connection closed and retries, as the SDKs do), a warning says
 * so (once a minute at most), and every idle connection is asked to close, so the client's retry finds room. Sits on
 * the listening channel, whose one event loop accepts every connection: the count is read and raised by one thread.
 */
@Sharable
final class ConnectionLimit extends ChannelInboundHandlerAdapter {
  static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);
  /** Asking every connection whether it is idle costs a task per connection: at most once a second. */
  private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);

  private final int max;
  private final Clock clock;
  private final ChannelGroup open = new DefaultChannelGroup("shale-connections", GlobalEventExecutor.INSTANCE);
  private final OccasionalWarning warning;
  private @Nullable Instant lastSweep;

  ConnectionLimit(int max, Clock clock, Consumer<String> log) {
    this.max = max;
    this.clock = clock;
    this.warning = new OccasionalWarning("the connection limit is reached: " + max + " connections are open"
        + " (--max-connections); new connections are closed at once, and idle ones to make room", WARNING_INTERVAL,
        clock, log);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    Channel connection = (Channel) msg;
    if (open.size() < max) {
      open.add(connection);
      ctx.fireChannelRead(connection);
      return;
    }
    connection.unsafe().closeForcibly();
    warning.occurred();
    closeIdleConnections();
  }

  private void closeIdleConnections() {
    Instant now = clock.instant();
    if (lastSweep != null && now.isBefore(lastSweep.plus(SWEEP_INTERVAL))) {
      return;
    }
    lastSweep = now;
    for (Channel connection : open) {
      connection.pipeline().fireUserEventTriggered(ConnectionTimeouts.CLOSE_IF_IDLE);
    }
  }

  /** Connections open now. */
  int open() {
    return open.size();
  }
}
