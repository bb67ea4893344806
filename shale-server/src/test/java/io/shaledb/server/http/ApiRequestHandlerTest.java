package io.shaledb.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.shaledb.core.op.MutableClock;
import io.shaledb.server.metrics.RequestObserver;
import io.shaledb.server.protocol.ApiHandler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How requests refused for want of body memory are answered, and pages served in their turn, on a connection fed
 * requests by hand.
 */
class ApiRequestHandlerTest {
  private static final long MEMORY = 1024 * 1024;
  /** DynamoDB's ThrottlingException, with the message its developer guide gives ("Error handling with DynamoDB"). */
  private static final String THROTTLED = "{\"__type\":\"com.amazon.coral.availability#ThrottlingException\","
      + "\"message\":\"Rate of requests exceeds the allowed throughput.\"}";
  private static final String PAGE = "a page";

  private final AtomicInteger calls = new AtomicInteger();
  private final ApiHandler echo = (request, body, response) -> {
    calls.incrementAndGet();
    body.transferTo(response);
  };
  private final BodyMemory memory = new BodyMemory(MEMORY, new OccasionalWarning("full",
      ConnectionLimit.WARNING_INTERVAL, new MutableClock(Instant.EPOCH), warning -> { }));
  /** Calls handed to a worker, which the test runs. */
  private final Queue<Runnable> handedOff = new ArrayDeque<>();
  private final EmbeddedChannel connection = new EmbeddedChannel(
      new ApiRequestHandler(echo, handedOff::add, false, memory, new Responses(Clock.systemUTC()),
          HttpSecurity.loopbackOnly(), new OccasionalWarning("refused host", ConnectionLimit.WARNING_INTERVAL,
              new MutableClock(Instant.EPOCH), warning -> { }), RequestObserver.failuresOnly(),
          path -> path.equals("/page") ? WebPage.ok("text/plain", PAGE.getBytes(StandardCharsets.UTF_8),
              Map.of("cache-control", "no-cache")) : null));

  @AfterEach
  void close() {
    connection.finishAndReleaseAll();
  }

  private IncomingRequest.Admitted admitted(String body) {
    FullHttpRequest http = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/",
        Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    http.headers().set("X-Amz-Target", "DynamoDB_20120810.PutItem")
        .set(HttpHeaderNames.AUTHORIZATION, "AWS4-HMAC-SHA256 Credential=a/20250101/us-east-1/dynamodb/aws4_request");
    assertThat(memory.tryReserve(body.length())).as("the test's memory is big enough").isTrue();
    return new IncomingRequest.Admitted(http, body.length(), memory);
  }

  private FullHttpResponse answer() {
    FullHttpResponse response = connection.readOutbound();
    assertThat(response).isNotNull();
    return response;
  }

  private static String body(FullHttpResponse response) {
    try {
      return response.content().toString(StandardCharsets.UTF_8);
    } finally {
      response.release();
    }
  }

  @Test
  void refusedRequest_isAnsweredWithThrottlingException_andTheConnectionKept() {
    connection.writeInbound(new IncomingRequest.Refused(true, null));

    FullHttpResponse response = answer();

    assertThat(response.status().code()).isEqualTo(400);
    assertThat(response.headers().get(HttpHeaderNames.CONNECTION)).isNull();
    assertThat(body(response)).isEqualTo(THROTTLED);
  }

  @Test
  void refusedRequestNotKeptAlive_isAnsweredWithConnectionClose() {
    connection.writeInbound(new IncomingRequest.Refused(false, null));

    FullHttpResponse response = answer();

    assertThat(response.headers().get(HttpHeaderNames.CONNECTION)).isEqualTo("close");
    assertThat(body(response)).isEqualTo(THROTTLED);
  }

  @Test
  void admittedRequest_whileResponsesOverdrawTheMemory_isThrottledWithoutRunning() {
    IncomingRequest.Admitted request = admitted("{}");
    memory.charge(MEMORY);

    connection.writeInbound(request);

    assertThat(body(answer())).isEqualTo(THROTTLED);
    assertThat(calls).hasValue(0);
  }

  @Test
  void admittedRequest_runs_andGivesItsMemoryBackOnceAnswered() {
    connection.writeInbound(admitted("{\"a\":1}"));

    assertThat(body(answer())).isEqualTo("{\"a\":1}");
    assertThat(calls).hasValue(1);
    assertThat(handedOff).as("run on the event loop: the engine never blocks").isEmpty();
    assertThat(memory.used()).isZero();
    assertThat(memory.peak()).as("the request's body, then its response").isEqualTo(2L * "{\"a\":1}".length());
  }

  @Test
  void largeBody_onAnEngineThatNeverBlocks_isParsedAndRunOnAWorker() {
    String large = "x".repeat((int) BodyMemory.SMALL_BODY + 1);
    connection.writeInbound(admitted(large));
    assertThat(calls).as("not on the event loop").hasValue(0);

    handedOff.remove().run();
    connection.runPendingTasks();

    assertThat(body(answer())).isEqualTo(large);
    assertThat(memory.used()).isZero();
  }

  private static IncomingRequest.Admitted get(String uri) {
    return new IncomingRequest.Admitted(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri), 0,
        new BodyMemory(MEMORY, new OccasionalWarning("full", ConnectionLimit.WARNING_INTERVAL,
            new MutableClock(Instant.EPOCH), warning -> { })));
  }

  @Test
  void get_pathOfAPage_answersThePageWithItsHeaders() {
    connection.writeInbound(get("/page?x=1"));

    FullHttpResponse response = answer();

    assertThat(response.status().code()).isEqualTo(200);
    assertThat(response.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("text/plain");
    assertThat(response.headers().get(HttpHeaderNames.CACHE_CONTROL)).isEqualTo("no-cache");
    assertThat(body(response)).isEqualTo(PAGE);
  }

  @Test
  void get_pathOfNoPage_isNotFound() {
    connection.writeInbound(get("/elsewhere"));

    FullHttpResponse response = answer();

    assertThat(response.status().code()).isEqualTo(404);
    response.release();
  }

  @Test
  void get_pageBehindARunningCall_isAnsweredAfterTheCall() {
    String large = "x".repeat((int) BodyMemory.SMALL_BODY + 1);
    connection.writeInbound(admitted(large));
    connection.writeInbound(get("/page"));
    Object early = connection.readOutbound();
    assertThat(early).as("the page waits for the call before it").isNull();

    handedOff.remove().run();
    connection.runPendingTasks();

    assertThat(body(answer())).isEqualTo(large);
    assertThat(body(answer())).isEqualTo(PAGE);
  }
}
