package io.shaledb.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.DefaultChannelId;
import io.netty.channel.embedded.EmbeddedChannel;
import io.shaledb.core.op.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The limit on the listening channel, fed connections by hand. */
class ConnectionLimitTest {
  private static final int MAX = 3;
  private static final String WARNING = "the connection limit is reached: 3 connections are open"
      + " (--max-connections); new connections are closed at once, and idle ones to make room";

  private final MutableClock clock = new MutableClock(Instant.EPOCH);
  private final List<String> warnings = new ArrayList<>();
  private final ConnectionLimit limit = new ConnectionLimit(MAX, clock, warnings::add);
  private final EmbeddedChannel listener = new EmbeddedChannel(limit);
  private final List<Connection> connections = new ArrayList<>();

  /** An accepted connection, which notes what it was asked; with an id of its own, as real connections have. */
  private static final class Connection extends ChannelInboundHandlerAdapter {
    final EmbeddedChannel channel = new EmbeddedChannel(DefaultChannelId.newInstance(), this);
    final List<Object> events = new ArrayList<>();

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      events.add(evt);
    }
  }

  @AfterEach
  void close() {
    connections.forEach(connection -> connection.channel.finishAndReleaseAll());
    listener.finishAndReleaseAll();
  }

  private Connection accept() {
    Connection connection = new Connection();
    connections.add(connection);
    listener.writeInbound(connection.channel);
    return connection;
  }

  @Test
  void connectionsUpToTheLimit_areAccepted() {
    for (int i = 0; i < MAX; i++) {
      assertThat(accept().channel.isOpen()).isTrue();
    }

    assertThat(limit.open()).isEqualTo(MAX);
    assertThat(warnings).isEmpty();
  }

  @Test
  void connectionAtTheLimit_isClosedAtOnce_andNotPassedOn() {
    for (int i = 0; i < MAX; i++) {
      accept();
    }
    List<Object> passedOn = new ArrayList<>(listener.inboundMessages());

    Connection refused = accept();

    assertThat(refused.channel.isOpen()).isFalse();
    assertThat(listener.inboundMessages()).containsExactlyElementsOf(passedOn);
    assertThat(limit.open()).isEqualTo(MAX);
  }

  @Test
  void connectionAtTheLimit_asksEveryOpenConnectionToCloseIfIdle() {
    for (int i = 0; i < MAX; i++) {
      accept();
    }

    accept();

    for (Connection open : connections.subList(0, MAX)) {
      assertThat(open.events).containsExactly(ConnectionTimeouts.CLOSE_IF_IDLE);
    }
  }

  @Test
  void afterAConnectionCloses_aNewOneIsAccepted() {
    for (int i = 0; i < MAX; i++) {
      accept();
    }
    connections.get(0).channel.close();

    assertThat(accept().channel.isOpen()).isTrue();
    assertThat(limit.open()).isEqualTo(MAX);
  }

  @Test
  void refusalsWithinAMinute_warnOnce_thenWithTheirCount() {
    for (int i = 0; i < MAX; i++) {
      accept();
    }

    for (int i = 0; i < 5; i++) {
      accept();
    }
    assertThat(warnings).containsExactly(WARNING);

    clock.advance(Duration.ofMinutes(1));
    accept();
    assertThat(warnings).containsExactly(WARNING, WARNING + " (5 times since the last such warning)");
  }
}
