package io.shaledb.core.op.stream;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.stream.StreamRequests.ChangeRecord;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.stream.StreamDescriptor;
import io.shaledb.core.stream.StreamLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a stream's records: those after a position, up to the commit watermark, within the 24-hour retention. */
final class StreamReader {
  static final Duration RETENTION = Duration.ofHours(24);

  private StreamReader() {}

  static StreamDescriptor stream(Database db, String arn) {
    return db.catalog().stream(arn).orElseThrow(() -> DynamoException.resourceNotFound(
        "Requested resource not found: Stream: " + arn + " not found"));
  }

  /** Up to {@code limit} records with sequence numbers in ({@code after}, watermark]. */
  static List<ChangeRecord> read(Database db, StreamDescriptor stream, long after, int limit) {
    long watermark = db.streams().watermark();
    long retainedFrom = db.clock().millis() - RETENTION.toMillis();
    List<ChangeRecord> records = new ArrayList<>();
    if (after >= watermark) {
      return records;
    }
    KeyRange range = new KeyRange(StreamLog.key(stream.keyspace(), after + 1),
        StreamLog.key(stream.keyspace(), watermark + 1));
    try (Snapshot snapshot = db.storage().snapshot(); KvCursor cursor = snapshot.scan(range, false)) {
      while (records.size() < limit && cursor.next()) {
        Map<String, AttributeValue> fields = ItemCodec.decode(cursor.value());
        long time = ((AttributeValue.N) fields.get("time")).value().bigDecimalValue().longValue();
        if (time >= retainedFrom) {
          records.add(new ChangeRecord(StreamLog.sequenceOf(cursor.key()), fields, stream.viewType()));
        }
      }
    }
    return records;
  }

  /** The first and last sequence numbers stored, or null when there are none. */
  static long[] bounds(Database db, StreamDescriptor stream) {
    KeyRange range = StreamLog.range(stream.keyspace());
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
