package io.shaledb.core.op.stream;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Shard iterators: an opaque token naming a stream, its shard, the sequence number reading continues after, and
 * when the iterator was issued (iterators expire after 15 minutes, as DynamoDB's do).
 */
final class ShardIterators {
  static final long LIFETIME_MILLIS = 15 * 60 * 1000;

  record Position(String streamArn, String shardId, long after, long issuedMillis) {}

  private ShardIterators() {}

  static String encode(Position p) {
    String text = p.streamArn() + "|" + p.shardId() + "|" + p.after() + "|" + p.issuedMillis();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The stream {@code iterator} names, or null when it is not an iterator; its age is not checked. */
  static @Nullable String streamArn(String iterator) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(iterator), StandardCharsets.UTF_8);
      int bar = text.indexOf('|');
      return bar < 0 ? null : text.substring(0, bar);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  static Position decode(String iterator, Clock clock) {
    Position position;
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(iterator), StandardCharsets.UTF_8).split("\\|");
      position = new Position(parts[0], parts[1], Long.parseLong(parts[2]), Long.parseLong(parts[3]));
    } catch (RuntimeException e) {
      throw DynamoException.validation("Invalid ShardIterator");
    }
    long now = clock.millis();
    if (now - position.issuedMillis() > LIFETIME_MILLIS) {
      throw new DynamoException(ErrorCode.EXPIRED_ITERATOR, "Iterator expired. The iterator was created at time "
          + java.time.Instant.ofEpochMilli(position.issuedMillis()) + " while right now it is "
          + java.time.Instant.ofEpochMilli(now) + " which is further in the future than the tolerated delay of "
          + LIFETIME_MILLIS + " milliseconds.");
    }
    return position;
  }
}
