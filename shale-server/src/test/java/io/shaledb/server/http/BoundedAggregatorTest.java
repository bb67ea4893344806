package io.shaledb.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.shaledb.core.op.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Request bodies held within the body memory, on a connection fed bytes by hand. */
class BoundedAggregatorTest {
  private static final int MAX_BODY = 4096;
  private static final long MEMORY = 1000;

  private final List<String> warnings = new ArrayList<>();
  private final BodyMemory memory = new BodyMemory(MEMORY, new OccasionalWarning("full",
      ConnectionLimit.WARNING_INTERVAL, new MutableClock(Instant.EPOCH), warnings::add));
  private final EmbeddedChannel connection = new EmbeddedChannel(new HttpServerCodec(),
      new BoundedAggregator(MAX_BODY, memory, new Responses(Clock.systemUTC()), new Cors(Set.of())),
      new ChannelInboundHandlerAdapter() {
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
          // As the server's last handler does: a request cut short by a close is no error of the test.
        }
      });

  @AfterEach
  void close() {
    connection.finishAndReleaseAll();
  }

  private void arrive(String bytes) {
    connection.writeInbound(Unpooled.copiedBuffer(bytes, StandardCharsets.US_ASCII));
  }

  private static String head(int contentLength, String extraHeaders) {
    return "POST / HTTP/1.1\r\nHost: localhost\r\n" + extraHeaders + "Content-Length: " + contentLength + "\r\n\r\n";
  }

  @Test
  void admittedRequest_holdsItsBodyInTheMemory_untilReleased() {
    arrive(head(100, "") + "x".repeat(100));

    IncomingRequest.Admitted admitted = connection.readInbound();

    assertThat(admitted.http().content().readableBytes()).isEqualTo(100);
    assertThat(memory.used()).isEqualTo(100);
    admitted.release();
    assertThat(memory.used()).isZero();
  }

  @Test
  void reservation_isTakenWhenTheHeadArrives_beforeTheBody() {
    arrive(head(300, ""));

    assertThat(memory.used()).isEqualTo(300);
  }

  @Test
  void requestThatDoesNotFit_isRefused_itsBodyDropped_andTheNextOneServed() {
    arrive(head(1200, "") + "x".repeat(600));
    arrive("x".repeat(600) + head(2, "") + "{}");

    IncomingRequest refused = connection.readInbound();
    IncomingRequest.Admitted next = connection.readInbound();

    assertThat(refused).isEqualTo(new IncomingRequest.Refused(true, null));
    assertThat(next.http().content().toString(StandardCharsets.US_ASCII)).isEqualTo("{}");
    assertThat(memory.used()).isEqualTo(2);
    assertThat(warnings).containsExactly("full");
    next.release();
  }

  @Test
  void refusedRequestWaitingForContinue_isNotKeptAlive_andGetsNoContinue() {
    arrive(head(1200, "Expect: 100-continue\r\n"));

    IncomingRequest refused = connection.readInbound();

    assertThat(refused).isEqualTo(new IncomingRequest.Refused(false, null));
    assertThat(connection.outboundMessages()).isEmpty();
  }

  @Test
  void chunkedRequest_reservesTheSizeLimit_untilReleased() {
    BodyMemory roomy = new BodyMemory(10 * MAX_BODY, new OccasionalWarning("full", ConnectionLimit.WARNING_INTERVAL,
        new MutableClock(Instant.EPOCH), warnings::add));
    EmbeddedChannel chunked = new EmbeddedChannel(new HttpServerCodec(),
        new BoundedAggregator(MAX_BODY, roomy, new Responses(Clock.systemUTC()), new Cors(Set.of())));
    chunked.writeInbound(Unpooled.copiedBuffer("POST / HTTP/1.1\r\nHost: localhost\r\n"
        + "Transfer-Encoding: chunked\r\n\r\n", StandardCharsets.US_ASCII));
    assertThat(roomy.used()).as("nobody knows the length of a chunked body before its end").isEqualTo(MAX_BODY);
    chunked.writeInbound(Unpooled.copiedBuffer("2\r\n{}\r\n0\r\n\r\n", StandardCharsets.US_ASCII));

    IncomingRequest.Admitted admitted = chunked.readInbound();

    assertThat(admitted.http().content().readableBytes()).isEqualTo(2);
    admitted.release();
    assertThat(roomy.used()).isZero();
    chunked.finishAndReleaseAll();
  }

  @Test
  void connectionClosedInsideABody_givesTheReservationBack() {
    arrive(head(300, "") + "x".repeat(100));

    connection.close();

    assertThat(memory.used()).isZero();
  }

  @Test
  void requestTheDecoderCouldNotRead_isPassedOn_toBeAnswered() {
    arrive("NONSENSE\r\n\r\n");

    IncomingRequest.Admitted malformed = connection.readInbound();

    assertThat(malformed.http().decoderResult().isFailure()).isTrue();
    malformed.release();
    assertThat(memory.used()).isZero();
  }

  @Test
  void requestOverTheSizeLimit_reservesNothing_andIsAnsweredWith413() {
    arrive(head(MAX_BODY + 1, ""));

    assertThat(memory.used()).isZero();
    assertThat(connection.outboundMessages()).isNotEmpty();
    assertThat(connection.isOpen()).isFalse();
  }
}
