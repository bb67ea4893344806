package io.shaledb.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.op.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Request bodies decompressed whole and bounded. The accepted and refused shapes of gzip and deflate bodies are those
 * ScyllaDB's tests found DynamoDB to accept and refuse (test/alternator/test_compressed_request.py).
 */
class DecodedBodyTest {
  private static final String JSON = "{\"TableName\":\"t\",\"Item\":{\"id\":{\"S\":\"x\"}}}";
  private static final int LIMIT = 1024 * 1024;

  private final BodyMemory memory = new BodyMemory(64L * 1024 * 1024, new OccasionalWarning("full",
      ConnectionLimit.WARNING_INTERVAL, new MutableClock(Instant.EPOCH), warning -> { }));

  private String decode(byte[] encoded, ContentCoding coding, BodyMemory within, int limit) {
    try (DecodedBody decoded = DecodedBody.decode(Unpooled.wrappedBuffer(encoded), coding,
        ByteBufAllocator.DEFAULT, within, limit)) {
      assertThat(within.used()).as("the decoded body is held in the memory").isPositive();
      return decoded.content().toString(StandardCharsets.UTF_8);
    }
  }

  private String decode(byte[] encoded, ContentCoding coding) {
    return decode(encoded, coding, memory, LIMIT);
  }

  private static byte[] gzip(String text) {
    return compressed(text, GZIPOutputStream::new);
  }

  private static byte[] zlib(String text) {
    return compressed(text, DeflaterOutputStream::new);
  }

  private interface Encoder {
    OutputStream wrap(OutputStream out) throws IOException;
  }

  private static byte[] compressed(String text, Encoder encoder) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = encoder.wrap(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException impossible) {
      throw new IllegalStateException(impossible);
    }
    return bytes.toByteArray();
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  private void assertUndecodable(byte[] encoded, ContentCoding coding) {
    assertThatThrownBy(() -> decode(encoded, coding))
        .isInstanceOfSatisfying(DynamoException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL_FAILURE);
          assertThat(e.getMessage()).isEqualTo(ContentCoding.UNDECODABLE_MESSAGE);
        });
    assertThat(memory.used()).as("nothing stays reserved").isZero();
  }

  @Test
  void decode_gzip_givesTheBody_andGivesItsMemoryBackWhenClosed() {
    assertThat(decode(gzip(JSON), ContentCoding.GZIP)).isEqualTo(JSON);
    assertThat(memory.used()).isZero();
  }

  @Test
  void decode_concatenatedGzipMembers_givesTheWholeBody() {
    assertThat(decode(concat(gzip(JSON.substring(0, 10)), gzip(JSON.substring(10))), ContentCoding.GZIP))
        .isEqualTo(JSON);
  }

  @Test
  void decode_gzipFollowedByBytesThatAreNoMember_ignoresThem_asDynamoDbDoes() {
    assertThat(decode(concat(gzip(JSON), "junk".getBytes(StandardCharsets.US_ASCII)), ContentCoding.GZIP))
        .isEqualTo(JSON);
  }

  @Test
  void decode_gzipCutShort_isUndecodable() {
    byte[] whole = gzip(JSON);
    assertUndecodable(Arrays.copyOf(whole, whole.length - 1), ContentCoding.GZIP);
  }

  @Test
  void decode_plainBodyCalledGzip_isUndecodable() {
    assertUndecodable(JSON.getBytes(StandardCharsets.UTF_8), ContentCoding.GZIP);
  }

  @Test
  void decode_emptyBody_isUndecodable_inEitherCoding() {
    assertUndecodable(new byte[0], ContentCoding.GZIP);
    assertUndecodable(new byte[0], ContentCoding.DEFLATE);
  }

  @Test
  void decode_deflate_readsAZlibStream() {
    assertThat(decode(zlib(JSON), ContentCoding.DEFLATE)).isEqualTo(JSON);
  }

  @Test
  void decode_concatenatedZlibStreams_readsOnlyTheFirst_asDynamoDbDoes() {
    assertThat(decode(concat(zlib(JSON.substring(0, 10)), zlib(JSON.substring(10))), ContentCoding.DEFLATE))
        .isEqualTo(JSON.substring(0, 10));
  }

  @Test
  void decode_plainBodyCalledDeflate_isUndecodable() {
    assertUndecodable(JSON.getBytes(StandardCharsets.UTF_8), ContentCoding.DEFLATE);
  }

  @Test
  void decode_bodyInflatingPastTheLimit_isTooLarge_andHoldsNoMoreThanAChunkOverIt() {
    byte[] bomb = gzip(" ".repeat(LIMIT * 20));

    assertThatThrownBy(() -> decode(bomb, ContentCoding.GZIP, memory, LIMIT))
        .isInstanceOfSatisfying(DynamoException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.REQUEST_TOO_LARGE);
          assertThat(e.getMessage()).isEqualTo("Request size exceeds the limit of 16777216 bytes");
        });
    assertThat(memory.used()).isZero();
    assertThat(memory.peak()).isLessThanOrEqualTo(LIMIT + DecodedBody.CHUNK_BYTES);
  }

  @Test
  void decode_bodyThatDoesNotFitTheMemory_isThrottled_andReservesNothing() {
    BodyMemory small = new BodyMemory(4 * DecodedBody.CHUNK_BYTES, new OccasionalWarning("full",
        ConnectionLimit.WARNING_INTERVAL, new MutableClock(Instant.EPOCH), warning -> { }));

    assertThatThrownBy(() -> decode(gzip("x".repeat(LIMIT / 2)), ContentCoding.GZIP, small, LIMIT))
        .isInstanceOfSatisfying(DynamoException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.THROTTLING));
    assertThat(small.used()).isZero();
  }

  @Test
  void ofRequest_identityOrNothing_isNoCoding_andOthersAreRefused() {
    assertThat(ContentCoding.ofRequest("identity")).isNull();
    assertThat(ContentCoding.ofRequest(" GZIP ")).isEqualTo(ContentCoding.GZIP);
    assertThat(ContentCoding.ofRequest("deflate")).isEqualTo(ContentCoding.DEFLATE);
    assertThatThrownBy(() -> ContentCoding.ofRequest("garbage"))
        .isInstanceOfSatisfying(DynamoException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL_FAILURE));
    assertThatThrownBy(() -> ContentCoding.ofRequest("br")).isInstanceOf(DynamoException.class);
  }
}
