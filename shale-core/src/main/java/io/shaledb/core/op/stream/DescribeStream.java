package io.shaledb.core.op.stream;

import io.shaledb.core.api.ShardFilterType;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.stream.StreamRequests.DescribeStreamInput;
import io.shaledb.core.op.stream.StreamRequests.DescribeStreamOutput;
import io.shaledb.core.op.stream.StreamRequests.ShardDescription;
import io.shaledb.core.op.stream.StreamRequests.ShardFilter;
import io.shaledb.core.stream.StreamDescriptor;
import io.shaledb.core.stream.StreamDescriptor.Shard;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** DescribeStream: a stream and its shard. */
public final class DescribeStream implements Operation<DescribeStreamInput, DescribeStreamOutput> {
  private final Database db;

  public DescribeStream(Database db) {
    this.db = db;
  }

  /** The declared constraints of the Streams API's model (ShardId 28-65 characters, CHILD_SHARDS the only filter). */
  @Override
  public void validate(DescribeStreamInput in) {
    ConstraintViolations v = new ConstraintViolations().notNull("streamArn", in.streamArn())
        .length("streamArn", in.streamArn(), 37, 1024)
        .range("limit", in.limit(), 1, 100)
        .length("exclusiveStartShardId", in.exclusiveStartShardId(), 28, 65);
    if (in.shardFilter() != null) {
      v.oneOf("shardFilter.type", in.shardFilter().type(), ShardFilterType.values())
          .length("shardFilter.shardId", in.shardFilter().shardId(), 28, 65);
    }
    v.throwIfAny();
  }

  @Override
  public DescribeStreamOutput execute(DescribeStreamInput in, RequestContext context) {
    StreamDescriptor stream = StreamReader.stream(db, Validated.present(in.streamArn()));
    int limit = in.limit() == null ? 100 : in.limit().intValue();
    List<ShardDescription> page = new ArrayList<>();
    String last = null;
    boolean started = in.exclusiveStartShardId() == null;
    for (Shard shard : stream.shards()) {
      if (!started) {
        started = shard.shardId().equals(in.exclusiveStartShardId());
        continue;
      }
      if (!selected(in.shardFilter(), shard)) {
        continue;
      }
      if (page.size() == limit) {
        last = page.get(page.size() - 1).shardId();
        break;
      }
      long[] bounds = StreamReader.bounds(db, stream, shard);
      String start = StreamRequests.sequenceNumber(bounds == null ? shard.start() : bounds[0]);
      String end = !stream.ended(shard) ? null
          : StreamRequests.sequenceNumber(bounds == null ? shard.start() : bounds[1]);
      page.add(new ShardDescription(shard.shardId(), shard.parentShardId(), start, end));
    }
    return new DescribeStreamOutput(stream, stream.closed() == null ? "ENABLED" : "DISABLED", page, last);
  }

  /**
   * Whether a shard passes the filter: with CHILD_SHARDS, the shards whose parent is the filter's shard, none when it
   * names no shard, as DynamoDB Local 3.3.1 answers.
   */
  private static boolean selected(@Nullable ShardFilter filter, Shard shard) {
    if (filter == null || filter.type() == null) {
      return true;
    }
    return switch (filter.type().known()) {
      case CHILD_SHARDS -> filter.shardId() != null && filter.shardId().equals(shard.parentShardId());
    };
  }
}
