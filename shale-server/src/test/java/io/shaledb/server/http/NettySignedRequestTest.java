package io.shaledb.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Headers as verification looks them up: by name in any case, names given as Strings or as Netty's own. */
class NettySignedRequestTest {
  private final FullHttpRequest http = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/?a=b",
      Unpooled.copiedBuffer("{}", StandardCharsets.UTF_8));

  @AfterEach
  void release() {
    http.release();
  }

  @Test
  void header_namesInAnyCase_foundWhateverCaseTheyWereSentIn() {
    http.headers().add("X-Amz-Date", "20261205T120000Z");
    http.headers().add(HttpHeaderNames.HOST, "127.0.0.1:8000");
    http.headers().add(AsciiString.of("X-AMZ-TARGET"), "DynamoDB_20120810.GetItem");

    NettySignedRequest request = new NettySignedRequest(http);

    assertThat(request.header("x-amz-date")).isEqualTo("20261205T120000Z");
    assertThat(request.header("Host")).isEqualTo("127.0.0.1:8000");
    assertThat(request.header("X-Amz-Target")).isEqualTo("DynamoDB_20120810.GetItem");
    assertThat(request.header("X-Amz-Security-Token")).isNull();
    assertThat(request.rawPath()).isEqualTo("/");
    assertThat(request.rawQuery()).isEqualTo("a=b");
  }

  @Test
  void headerValues_repeatedHeader_everyValueInTheOrderSent() {
    http.headers().add("X-Repeated", "one");
    http.headers().add("Content-Type", "application/x-amz-json-1.0");
    http.headers().add("x-repeated", "two");
    http.headers().add("X-REPEATED", "three");

    NettySignedRequest request = new NettySignedRequest(http);

    assertThat(request.headerValues("x-repeated")).containsExactly("one", "two", "three");
    assertThat(request.headerValues("content-type")).containsExactly("application/x-amz-json-1.0");
    assertThat(request.headerValues("x-absent")).isEmpty();
  }

  @Test
  void header_sameNameInAnotherStringObject_foundAlike() {
    http.headers().add("X-Amz-Date", "20261205T120000Z");
    NettySignedRequest request = new NettySignedRequest(http);
    String copy = new String("X-Amz-Date".toCharArray());

    assertThat(request.header("X-Amz-Date")).isEqualTo("20261205T120000Z");
    assertThat(request.header(copy)).isEqualTo("20261205T120000Z");
    assertThat(request.header("X-Amz-Date")).isEqualTo("20261205T120000Z");
    assertThat(request.headerValues(copy.toUpperCase(Locale.ROOT))).containsExactly("20261205T120000Z");
  }

  @Test
  void header_namesReceivedAsBytes_matchedIgnoringCaseOnly() {
    http.headers().add(AsciiString.of("x-AMZ-date"), "20261205T120000Z");
    http.headers().add(AsciiString.of("Content-Typf"), "text/plain");
    NettySignedRequest request = new NettySignedRequest(http);

    assertThat(request.header("X-Amz-Date")).isEqualTo("20261205T120000Z");
    assertThat(request.headerValues("x-amz-date")).containsExactly("20261205T120000Z");
    assertThat(request.header("Content-Type")).isNull();
    assertThat(request.header("x-amz-d\u00e4te")).isNull();
  }
}
