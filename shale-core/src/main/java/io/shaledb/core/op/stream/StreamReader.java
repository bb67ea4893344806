package io.shaledb.core.op.stream;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.stream.StreamRequests.ChangeRecord;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.stream.StreamDescriptor;
import io.shaledb.core.stream.StreamDescriptor.Shard;
import io.shaledb.core.stream.StreamLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads a shard's records: those after a position, up to the shard's end. */
final class StreamReader {
  private static final Pattern STREAM_ARN =
      Pattern.compile("arn:aws[a-z-]*:dynamodb:[^:]+:\\d{12}:table/[^/]{3,255}/stream/[^/]+");

  private StreamReader() {}

  /**
   * The stream an ARN names. An ARN that is no stream ARN at all is a ValidationException, a well-formed one of no
   * stream here is not found, as DynamoDB Streams tells them apart (ScyllaDB's test_streams.py against the service;
   * the message is the one the AWS SDK for JavaScript's integration tests meet).
   */
  static StreamDescriptor stream(Database db, String arn) {
    checkFormat(arn);
    return db.catalog().stream(arn).orElseThrow(() -> DynamoException.resourceNotFound(
        "Requested resource not found: Stream: " + arn + " not found"));
  }

  static void checkFormat(String arn) {
    if (!STREAM_ARN.matcher(arn).matches()) {
      throw DynamoException.validation("Invalid StreamArn");
    }
  }

  static Shard shard(StreamDescriptor stream, String shardId) {
    Shard shard = stream.shard(shardId);
    if (shard == null) {
      throw DynamoException.resourceNotFound("Requested resource not found: Shard does not exist");
    }
    return shard;
  }

  /** Reading after {@code after} would miss records already trimmed (older than 24 hours). */
  static void checkNotTrimmed(StreamDescriptor stream, long after) {
    if (after + 1 < stream.trimmedBefore()) {
      throw new DynamoException(ErrorCode.TRIMMED_DATA_ACCESS, "The operation attempted to read past the oldest"
          + " stream record in a shard.");
    }
  }

  /**
   * Up to {@code limit} records of {@code shard} after {@code after}. Sequence numbers are commit-ordered
   * versionstamps, so whatever a snapshot holds of the shard is complete below its last record.
   */
  static List<ChangeRecord> read(Database db, StreamDescriptor stream, Shard shard, long after, int limit) {
    long upTo = shard.end() - 1;
    long from = Math.max(after + 1, shard.start());
    List<ChangeRecord> records = new ArrayList<>();
    if (from > upTo) {
      return records;
    }
    KeyRange range = new KeyRange(StreamLog.key(stream.keyspace(), from), StreamLog.key(stream.keyspace(), upTo + 1));
    try (Snapshot snapshot = db.storage().snapshot(); KvCursor cursor = snapshot.scan(range, false)) {
      while (records.size() < limit && cursor.next()) {
        Map<String, AttributeValue> fields = ItemCodec.decode(cursor.value());
        records.add(new ChangeRecord(StreamLog.sequenceOf(cursor.key()), fields, stream.viewType()));
      }
    }
    return records;
  }

  /** The first and last sequence numbers stored in a shard, or null when it holds none. */
  static long @Nullable [] bounds(Database db, StreamDescriptor stream, Shard shard) {
    KeyRange range = new KeyRange(StreamLog.key(stream.keyspace(), shard.start()),
        shard.isOpen() ? StreamLog.range(stream.keyspace()).end() : StreamLog.key(stream.keyspace(), shard.end()));
    try (Snapshot snapshot = db.storage().snapshot()) {
      long first;
      try (KvCursor cursor = snapshot.scan(range, false)) {
        if (!cursor.next()) {
          return null;
        }
        first = StreamLog.sequenceOf(cursor.key());
      }
      try (KvCursor cursor = snapshot.scan(range, true)) {
        cursor.next();
        return new long[] {first, StreamLog.sequenceOf(cursor.key())};
      }
    }
  }
}
