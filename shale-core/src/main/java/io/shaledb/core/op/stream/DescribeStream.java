package io.shaledb.core.op.stream;

import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.stream.StreamRequests.DescribeStreamInput;
import io.shaledb.core.op.stream.StreamRequests.DescribeStreamOutput;
import io.shaledb.core.stream.StreamDescriptor;
import io.shaledb.core.validate.ConstraintViolations;

/** DescribeStream: a stream and its shard. */
public final class DescribeStream implements Operation<DescribeStreamInput, DescribeStreamOutput> {
  private final Database db;

  public DescribeStream(Database db) {
    this.db = db;
  }

  @Override
  public void validate(DescribeStreamInput in) {
    new ConstraintViolations().notNull("streamArn", in.streamArn())
        .length("streamArn", in.streamArn(), 37, 1024)
        .range("limit", in.limit(), 1, 100)
        .throwIfAny();
  }

  @Override
  public DescribeStreamOutput execute(DescribeStreamInput in) {
    StreamDescriptor stream = StreamReader.stream(db, in.streamArn());
    long[] bounds = StreamReader.bounds(db, stream);
    String start = StreamRequests.sequenceNumber(bounds == null ? 0 : bounds[0]);
    String end = stream.closed() == null ? null : StreamRequests.sequenceNumber(bounds == null ? 0 : bounds[1]);
    boolean shards = in.exclusiveStartShardId() == null || in.exclusiveStartShardId().compareTo(stream.shardId()) < 0;
    return new DescribeStreamOutput(stream, stream.closed() == null ? "ENABLED" : "DISABLED", start, end, shards);
  }
}
