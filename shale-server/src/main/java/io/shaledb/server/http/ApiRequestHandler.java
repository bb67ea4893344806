package io.shaledb.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.op.Principal;
import io.shaledb.server.auth.Authenticator;
import io.shaledb.server.metrics.RequestObservation;
import io.shaledb.server.metrics.RequestObserver;
import io.shaledb.server.metrics.ServerMetrics;
import io.shaledb.server.protocol.ApiHandler;
import io.shaledb.server.protocol.ApiRequest;
import io.shaledb.server.protocol.ErrorResponses;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one HTTP request into one API call. A call that never blocks runs on the event loop, which reads nothing else
 * meanwhile; so does a call that may block but first answers without waiting (a GetItem whose item is in memory),
 * which saves the two thread hand-offs. Any other call, and any call with a large body, runs on a worker; requests
 * the client pipelines behind it wait in arrival order until its response is written, so responses leave in request
 * order. Reading from the connection pauses only while such requests wait: pausing and resuming change the socket's
 * epoll interest, a system call each way, which every request paid when reads paused around each call. Requests
 * refused for want of body memory, and calls that would start while responses overdraw it, are answered with
 * DynamoDB's ThrottlingException ({@link BodyMemory#throttled}).
 *
 * <p>A compressed request body is decompressed whole on a worker before its call runs ({@link DecodedBody}); a
 * response over {@link #COMPRESSION_THRESHOLD} bytes is compressed when the request's Accept-Encoding asks for it
 * ({@link AcceptEncoding}). A request without either costs nothing more than the two header lookups.
 */
final class ApiRequestHandler extends SimpleChannelInboundHandler<IncomingRequest> {
  private static final Logger LOG = LoggerFactory.getLogger(ApiRequestHandler.class);
  private static final String TARGET = "X-Amz-Target";
  /** Where the metrics are served. */
  static final String METRICS_PATH = "/metrics";
  /**
   * DynamoDB compresses responses over 4 KB (ScyllaDB's test/alternator/test_compressed_response.py against the
   * service; the figure AWS engineers quote); smaller ones gain too little for the work.
   */
  static final int COMPRESSION_THRESHOLD = 4096;

  private final ApiHandler handler;
  private final Executor workers;
  private final boolean callsMayBlock;
  private final BodyMemory memory;
  private final Responses responses;
  private final HttpSecurity security;
  private final HostCheck hosts;
  private final Cors cors;
  private final OccasionalWarning refusedHosts;
  private final RequestObserver observer;
  private final WebPages pages;
  /** Requests that arrived while a handed-off call ran; touched on the event loop only. */
  private final ArrayDeque<IncomingRequest> waiting = new ArrayDeque<>();
  private boolean callRunning;
  /**
   * Set once a response closes the connection: HTTP/1.1 forbids running anything the client sent after the request
   * that asked for the close, so later requests are dropped without being run.
   */
  private boolean closing;
  /**
   * The client's address as {@code aws:SourceIp} holds it, formatted on the connection's first call rather than on
   * each: it cannot change while the connection lives. Touched on the event loop only.
   */
  private @Nullable String sourceIp;
  private boolean sourceIpKnown;

  ApiRequestHandler(ApiHandler handler, Executor workers, boolean callsMayBlock, BodyMemory memory,
      Responses responses, HttpSecurity security, OccasionalWarning refusedHosts, RequestObserver observer,
      WebPages pages) {
    this.handler = handler;
    this.workers = workers;
    this.callsMayBlock = callsMayBlock;
    this.memory = memory;
    this.responses = responses;
    this.security = security;
    this.hosts = new HostCheck(security.allowedHosts());
    this.cors = new Cors(security.corsOrigins());
    this.refusedHosts = refusedHosts;
    this.observer = observer;
    this.pages = pages;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, IncomingRequest request) {
    if (closing) {
      return;
    }
    if (callRunning) {
      waiting.add(ReferenceCountUtil.retain(request));
      ctx.channel().config().setAutoRead(false);
      return;
    }
    serve(ctx, request);
  }

  private void serve(ChannelHandlerContext ctx, IncomingRequest request) {
    switch (request) {
      case IncomingRequest.Refused refused -> send(ctx,
          error(ctx, BodyMemory.throttled(), observer.start(Responses.newRequestId())), refused.keepAlive(),
          refused.allowedOrigin());
      case IncomingRequest.Admitted admitted -> serve(ctx, admitted);
    }
  }

  private void serve(ChannelHandlerContext ctx, IncomingRequest.Admitted admitted) {
    FullHttpRequest request = admitted.http();
    AsciiString requestId = Responses.newRequestId();
    if (request.decoderResult().isFailure()) {
      send(ctx, error(ctx, DynamoException.serialization("Malformed HTTP request"), observer.start(requestId)),
          false, null);
      return;
    }
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    HttpHeaders headers = request.headers();
    CharSequence crossOrigin = cors.allowedOrigin(headers);
    if (request.method().equals(HttpMethod.GET)) {
      send(ctx, get(ctx, request, requestId), keepAlive, crossOrigin);
      return;
    }
    if (request.method().equals(HttpMethod.OPTIONS)) {
      FullHttpResponse preflight = empty(HttpResponseStatus.OK, requestId);
      if (crossOrigin != null) {
        Cors.allowPreflight(headers, preflight.headers());
      }
      send(ctx, preflight, keepAlive, crossOrigin);
      return;
    }
    RequestObservation observation = observer.start(requestId);
    Principal caller;
    try {
      caller = authenticate(request);
    } catch (DynamoException e) {
      send(ctx, error(ctx, e, observation), keepAlive, crossOrigin);
      return;
    }
    if (!memory.allowsCall()) {
      send(ctx, error(ctx, BodyMemory.throttled(), observation), keepAlive, crossOrigin);
      return;
    }
    String contentEncoding = headers.get(HttpHeaderNames.CONTENT_ENCODING);
    ContentCoding coding;
    try {
      coding = contentEncoding == null ? null : ContentCoding.ofRequest(contentEncoding);
    } catch (DynamoException e) {
      send(ctx, error(ctx, e, observation), keepAlive, crossOrigin);
      return;
    }
    ApiRequest call = new ApiRequest(headers.get(TARGET), requestId, caller, host(ctx.channel(), headers),
        sourceIp(ctx.channel()), observation);
    String acceptEncoding = headers.get(HttpHeaderNames.ACCEPT_ENCODING);
    ByteBuf body = request.content();
    ApiHandler.Rest rest = null;
    if (coding == null && body.readableBytes() <= BodyMemory.SMALL_BODY) {
      if (!callsMayBlock) {
        send(ctx, answer(ctx, call, body, acceptEncoding), keepAlive, crossOrigin);
        return;
      }
      switch (call(ctx, call, acceptEncoding, out -> handler.handleWithoutBlocking(call, new ByteBufInputStream(body),
          out))) {
        case Outcome.Answered(FullHttpResponse response) -> {
          send(ctx, response, keepAlive, crossOrigin);
          return;
        }
        case Outcome.Deferred(ApiHandler.Rest left) -> rest = left;
      }
    }
    // Here too goes a large body on any engine: parsed on the event loop, it would hold up every connection's small
    // calls there (a 16 MB one for tens of milliseconds); and so does a compressed one, which may inflate to as much.
    ApiHandler.Rest deferred = rest;
    admitted.retain();
    callRunning = true;
    workers.execute(() -> {
      FullHttpResponse response;
      try {
        response = deferred != null ? answer(ctx, call, acceptEncoding, deferred)
            : coding == null ? answer(ctx, call, body, acceptEncoding)
            : callDecoded(ctx, call, body, coding, acceptEncoding);
      } finally {
        admitted.release();
      }
      ctx.executor().execute(() -> callDone(ctx, response, keepAlive, crossOrigin));
    });
  }

  /**
   * Who sent the request. Without authentication, only requests naming a loopback or allowed host are answered, so
   * that a web page cannot reach the server through a name it controls (DNS rebinding); they are refused as requests
   * with a token DynamoDB does not know, and refusals are logged with the way to allow a host.
   */
  private Principal authenticate(FullHttpRequest request) {
    Authenticator authenticator = security.authenticator();
    if (!authenticator.verifying()) {
      String host = request.headers().get(HttpHeaderNames.HOST);
      if (!hosts.allows(host)) {
        LOG.debug("refused a request naming host {}", host);
        refusedHosts.occurred();
        throw new DynamoException(ErrorCode.UNRECOGNIZED_CLIENT, "The security token included in the request is"
            + " invalid.");
      }
    }
    return authenticator.authenticate(new NettySignedRequest(request));
  }

  /** The client's address, without its port, as {@code aws:SourceIp} holds it. */
  private @Nullable String sourceIp(Channel channel) {
    if (!sourceIpKnown) {
      sourceIp = channel.remoteAddress() instanceof InetSocketAddress remote && remote.getAddress() != null
          ? remote.getAddress().getHostAddress() : null;
      sourceIpKnown = true;
    }
    return sourceIp;
  }

  /**
   * The host the client addressed: its Host header, or without one the address it connected to. The health check
   * and DescribeEndpoints name it, as DynamoDB names its own endpoint.
   */
  private static String host(Channel channel, HttpHeaders headers) {
    String host = headers.get(HttpHeaderNames.HOST);
    if (host != null) {
      return host;
    }
    return channel.localAddress() instanceof InetSocketAddress local ? local.getHostString() + ":" + local.getPort()
        : String.valueOf(channel.localAddress());
  }

  /**
   * DynamoDB's health check, which answers only {@code GET /}: its line names the host the client used (ScyllaDB's
   * test/alternator/test_health.py, against the service). Other paths are the server's pages, if it has them, or
   * not found. Answered here rather than ahead in the pipeline, so that a page requested behind a running call
   * still leaves in request order.
   */
  private FullHttpResponse get(ChannelHandlerContext ctx, FullHttpRequest request, AsciiString requestId) {
    String uri = request.uri();
    int query = uri.indexOf('?');
    String path = query < 0 ? uri : uri.substring(0, query);
    ServerMetrics metrics = observer.metrics();
    if (path.equals(METRICS_PATH) && metrics != null) {
      return metrics(ctx, request, requestId, metrics);
    }
    if (!path.equals("/")) {
      WebPage page = pages.find(path);
      return page == null ? empty(HttpResponseStatus.NOT_FOUND, requestId) : page(page, requestId);
    }
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
        Unpooled.copiedBuffer("healthy: " + host(ctx.channel(), request.headers()) + " ",
            StandardCharsets.US_ASCII));
    responses.addHeaders(response, requestId);
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain");
    return response;
  }

  private FullHttpResponse page(WebPage page, AsciiString requestId) {
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.valueOf(page.status()), Unpooled.wrappedBuffer(page.body()));
    responses.addHeaders(response, requestId);
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, page.contentType());
    page.headers().forEach(response.headers()::set);
    return response;
  }

  /**
   * The metrics, in the format the Accept header asks for. They name tables and indexes, so they are served on the
   * API's terms: while no user exists, to requests naming a loopback or allowed host (as API calls are); once users
   * exist, only to clients connected from a loopback address, since a scraper does not sign its requests.
   */
  private FullHttpResponse metrics(ChannelHandlerContext ctx, FullHttpRequest request, AsciiString requestId,
      ServerMetrics metrics) {
    boolean allowed = security.authenticator().verifying()
        ? ctx.channel().remoteAddress() instanceof InetSocketAddress peer && peer.getAddress().isLoopbackAddress()
        : hosts.allows(request.headers().get(HttpHeaderNames.HOST));
    if (!allowed) {
      refusedHosts.occurred();
      return empty(HttpResponseStatus.FORBIDDEN, requestId);
    }
    ServerMetrics.Scrape scrape = metrics.scrape(request.headers().get(HttpHeaderNames.ACCEPT));
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
        Unpooled.wrappedBuffer(scrape.body()));
    responses.addHeaders(response, requestId);
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, scrape.contentType());
    return response;
  }

  private FullHttpResponse empty(HttpResponseStatus status, AsciiString requestId) {
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER);
    responses.addHeaders(response, requestId);
    return response;
  }

  /** On the event loop: writes a handed-off call's response, then serves the requests that waited for it. */
  private void callDone(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive,
      @Nullable CharSequence crossOrigin) {
    send(ctx, response, keepAlive, crossOrigin);
    callRunning = false;
    boolean paused = !waiting.isEmpty();
    while (!callRunning && !closing && !waiting.isEmpty()) {
      IncomingRequest next = waiting.poll();
      try {
        serve(ctx, next);
      } finally {
        ReferenceCountUtil.release(next);
      }
    }
    if (closing) {
      releaseWaiting();
    } else if (paused && waiting.isEmpty()) {
      ctx.channel().config().setAutoRead(true);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    releaseWaiting();
    super.channelInactive(ctx);
  }

  private void releaseWaiting() {
    waiting.forEach(ReferenceCountUtil::release);
    waiting.clear();
  }

  /** Decompresses the body, then runs the call on it; nothing runs when the body cannot be decoded. */
  private FullHttpResponse callDecoded(ChannelHandlerContext ctx, ApiRequest call, ByteBuf body,
      ContentCoding coding, String acceptEncoding) {
    DecodedBody decoded;
    try {
      decoded = DecodedBody.decode(body, coding, ctx.alloc(), memory, HttpApiServer.MAX_REQUEST_BYTES);
    } catch (DynamoException e) {
      return error(ctx, e, call.observation());
    }
    try (decoded) {
      return answer(ctx, call, decoded.content(), acceptEncoding);
    }
  }

  /** Runs the call on this thread, waiting for I/O as it needs: it always answers. */
  private FullHttpResponse answer(ChannelHandlerContext ctx, ApiRequest call, ByteBuf body, String acceptEncoding) {
    return answer(ctx, call, acceptEncoding, out -> handler.handle(call, new ByteBufInputStream(body), out));
  }

  /** Runs {@code rest} of the call on this thread, waiting for I/O as it needs: it always answers. */
  private FullHttpResponse answer(ChannelHandlerContext ctx, ApiRequest call, String acceptEncoding,
      ApiHandler.Rest rest) {
    return switch (call(ctx, call, acceptEncoding, out -> {
      rest.finish(out);
      return ApiHandler.Attempt.ANSWERED;
    })) {
      case Outcome.Answered(FullHttpResponse response) -> response;
      case Outcome.Deferred deferred -> throw new IllegalStateException("a call that may wait answers");
    };
  }

  /** Runs (part of) a call on a thread, writing its response; what came of it. */
  @FunctionalInterface
  private interface Work {
    ApiHandler.Attempt run(ResponseBody response) throws IOException;
  }

  /** What running a call on this thread came to: its answer, or what is left of it for a thread that may wait. */
  private sealed interface Outcome {
    record Answered(FullHttpResponse response) implements Outcome {}

    record Deferred(ApiHandler.Rest rest) implements Outcome {}
  }

  /**
   * Runs {@code work} on this thread: the response, an error's included, or what is left of the call when it would
   * have to wait for I/O (see {@link ApiHandler#handleWithoutBlocking}). The body's stream owns nothing: the request
   * that holds the body is released once the call, or its rest, has run.
   */
  private Outcome call(ChannelHandlerContext ctx, ApiRequest call, String acceptEncoding, Work work) {
    ResponseBody out = new ResponseBody(ctx.alloc());
    try {
      if (work.run(out) instanceof ApiHandler.Attempt.Deferred(ApiHandler.Rest rest)) {
        out.discard();
        return new Outcome.Deferred(rest);
      }
    } catch (DynamoException e) {
      out.discard();
      return new Outcome.Answered(error(ctx, e, call.observation()));
    } catch (IOException | RuntimeException e) {
      out.discard();
      LOG.error("request {} ({}) failed", call.requestId(), call.target(), e);
      return new Outcome.Answered(error(ctx, new DynamoException(ErrorCode.INTERNAL_SERVER_ERROR,
          ErrorResponses.INTERNAL_ERROR_MESSAGE), call.observation()));
    }
    LOG.debug("{} {}: ok", call.requestId(), call.target());
    call.observation().succeeded();
    return new Outcome.Answered(ok(ctx, out.finish(), call.requestId(), acceptEncoding));
  }

  /** A call's answer, compressed when it is large and the client accepts a coding DynamoDB would use. */
  private FullHttpResponse ok(ChannelHandlerContext ctx, ByteBuf body, CharSequence requestId,
      String acceptEncoding) {
    ContentCoding coding = acceptEncoding == null || body.readableBytes() <= COMPRESSION_THRESHOLD ? null
        : AcceptEncoding.select(acceptEncoding);
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
        coding == null ? body : coding.encode(body, ctx.alloc()));
    if (coding != null) {
      response.headers().set(HttpHeaderNames.CONTENT_ENCODING, coding.header());
    }
    responses.addHeaders(response, requestId);
    return response;
  }

  /** The error answering an API request, told to its observation (metrics, the failure log, the access log). */
  private FullHttpResponse error(ChannelHandlerContext ctx, DynamoException e, RequestObservation observation) {
    observation.failed(e);
    return error(ctx, e, observation.requestId());
  }

  private FullHttpResponse error(ChannelHandlerContext ctx, DynamoException e, CharSequence requestId) {
    ByteBuf out = ctx.alloc().buffer(128);
    try (ByteBufOutputStream os = new ByteBufOutputStream(out)) {
      ErrorResponses.write(e, os);
    } catch (IOException impossible) {
      throw new IllegalStateException(impossible);
    }
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.valueOf(e.code().httpStatus()), out);
    responses.addHeaders(response, requestId);
    return response;
  }

  /** Writes a response, counted in the body memory until it has left for the client. */
  private void send(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive,
      @Nullable CharSequence crossOrigin) {
    closing |= !keepAlive;
    HttpUtil.setKeepAlive(response, keepAlive);
    if (crossOrigin != null) {
      Cors.allow(response.headers(), crossOrigin);
    }
    int bytes = response.content().readableBytes();
    memory.charge(bytes);
    ctx.writeAndFlush(response).addListener(written -> memory.release(bytes));
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("connection {} failed", ctx.channel().remoteAddress(), cause);
    ctx.close();
  }
}
