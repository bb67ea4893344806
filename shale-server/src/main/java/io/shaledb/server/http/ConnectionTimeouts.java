package io.shaledb.server.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.Future;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection that holds the server without using it. Sits after the HTTP decoder, which tells it where
 * requests begin and end, and is on the event loop like everything it watches:
 * <ul>
 *   <li>idle (no request arriving, none waiting for its response) for the idle timeout: closed, as DynamoDB does;
 *   <li>a request arriving (its first bytes came, not yet all of it) for the request timeout: closed, so a client
 *       that trickles its headers or body cannot keep the connection forever;
 *   <li>unable to take more of its responses (the client does not read) for the request timeout: closed, which
 *       frees the response bodies it held;
 *   <li>a call running: never closed, however long the call takes.
 * </ul>
 * One task per connection checks the deadline; it is moved only when a request starts arriving sooner than the
 * task would run, so a request costs a few reads of the clock and no scheduling while the timeouts are equal.
 */
final class ConnectionTimeouts extends ChannelDuplexHandler {
  /** Asks a connection to close if it is idle: the connection limit's way to make room for a fresh client. */
  static final Object CLOSE_IF_IDLE = new Object();

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionTimeouts.class);

  private final long idleNanos;
  private final long requestNanos;
  private ChannelHandlerContext ctx;
  private @Nullable Future<?> check;
  private long checkAt;
  /** Requests whose head arrived and whose response is not yet written. */
  private int unanswered;
  private boolean receiving;
  private long receivingSince;
  private long idleSince;
  private boolean unwritable;
  private long unwritableSince;
  /** Whether the decoder passed anything on since the last read ended: a read that gave nothing began a head. */
  private boolean decodedSinceReadComplete;

  ConnectionTimeouts(Duration idleTimeout, Duration requestTimeout) {
    this.idleNanos = idleTimeout.toNanos();
    this.requestNanos = requestTimeout.toNanos();
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    if (ctx.channel().isActive()) {
      start();
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    start();
    super.channelActive(ctx);
  }

  private void start() {
    if (check == null) {
      idleSince = now();
      schedule(idleSince + idleNanos);
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    decodedSinceReadComplete = true;
    if (msg instanceof HttpRequest) {
      unanswered++;
      startReceiving();
    }
    if (msg instanceof LastHttpContent) {
      receiving = false;
      if (unanswered == 0) {
        // Answered before it had all arrived (refused for want of memory): idle from now.
        idleSince = now();
      }
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (!decodedSinceReadComplete) {
      startReceiving();
    }
    decodedSinceReadComplete = false;
    ctx.fireChannelReadComplete();
  }

  private void startReceiving() {
    if (receiving) {
      return;
    }
    receiving = true;
    receivingSince = now();
    if (check != null && receivingSince + requestNanos - checkAt < 0) {
      check.cancel(false);
      schedule(receivingSince + requestNanos);
    }
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof LastHttpContent && !isInterim(msg) && unanswered > 0 && --unanswered == 0) {
      idleSince = now();
    }
    ctx.write(msg, promise);
  }

  /** A 100 Continue: the request's answer is still to come. */
  private static boolean isInterim(Object msg) {
    return msg instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    boolean nowUnwritable = !ctx.channel().isWritable();
    if (nowUnwritable && !unwritable) {
      unwritableSince = now();
    }
    unwritable = nowUnwritable;
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt != CLOSE_IF_IDLE) {
      super.userEventTriggered(ctx, evt);
    } else if (isIdle()) {
      LOG.debug("closing idle connection {} to make room for a new one", ctx.channel().remoteAddress());
      ctx.close();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    stop();
    super.channelInactive(ctx);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    stop();
  }

  private void stop() {
    if (check != null) {
      check.cancel(false);
    }
  }

  private boolean isIdle() {
    return !receiving && unanswered == 0;
  }

  private void schedule(long at) {
    checkAt = at;
    check = ctx.executor().schedule(this::check, Math.max(0, at - now()), TimeUnit.NANOSECONDS);
  }

  private void check() {
    if (!ctx.channel().isOpen()) {
      return;
    }
    long now = now();
    // With a call running and the client reading, nothing is due: look again after the shorter timeout, the
    // soonest anything can become due once the call ends.
    long due = now + Math.min(idleNanos, requestNanos);
    String reason = null;
    if (receiving && receivingSince + requestNanos - due < 0) {
      due = receivingSince + requestNanos;
      reason = "a request that did not arrive in time";
    } else if (isIdle() && idleSince + idleNanos - due < 0) {
      due = idleSince + idleNanos;
      reason = "idle";
    }
    if (unwritable && unwritableSince + requestNanos - due < 0) {
      due = unwritableSince + requestNanos;
      reason = "a client that did not read its responses";
    }
    if (due - now <= 0) {
      LOG.debug("closing connection {}: {}", ctx.channel().remoteAddress(), reason);
      ctx.close();
    } else {
      schedule(due);
    }
  }

  private long now() {
    return ctx.executor().ticker().nanoTime();
  }
}
