package io.shaledb.core.op.stream;

import io.shaledb.core.api.ShardIteratorType;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.stream.StreamRequests.GetShardIteratorInput;
import io.shaledb.core.stream.StreamDescriptor;
import io.shaledb.core.stream.StreamDescriptor.Shard;
import io.shaledb.core.validate.ConstraintViolations;

/** GetShardIterator: where reading a shard starts. */
public final class GetShardIterator implements Operation<GetShardIteratorInput, String> {
  private final Database db;

  public GetShardIterator(Database db) {
    this.db = db;
  }

  @Override
  public void validate(GetShardIteratorInput in) {
    new ConstraintViolations().notNull("streamArn", in.streamArn())
        .notNull("shardId", in.shardId())
        .notNull("shardIteratorType", in.shardIteratorType())
        .oneOf("shardIteratorType", in.shardIteratorType(), ShardIteratorType.values())
        .throwIfAny();
  }

  @Override
  public String execute(GetShardIteratorInput in, RequestContext context) {
    StreamDescriptor stream = StreamReader.stream(db, in.streamArn());
    Shard shard = StreamReader.shard(stream, in.shardId());
    long after = switch (in.shardIteratorType().value()) {
      case TRIM_HORIZON -> Math.max(shard.start(), stream.trimmedBefore()) - 1;
      case LATEST -> Math.min(db.storage().nextVersionstamp(), shard.end()) - 1;
      case AT_SEQUENCE_NUMBER -> sequence(in) - 1;
      case AFTER_SEQUENCE_NUMBER -> sequence(in);
    };
    StreamReader.checkNotTrimmed(stream, after);
    return ShardIterators.encode(new ShardIterators.Position(stream.arn(), shard.shardId(), after,
        db.clock().millis()));
  }

  private static long sequence(GetShardIteratorInput in) {
    if (in.sequenceNumber() == null) {
      throw DynamoException.validation("The SequenceNumber parameter is required for ShardIteratorType "
          + in.shardIteratorType().text());
    }
    try {
      return Long.parseLong(in.sequenceNumber());
    } catch (NumberFormatException e) {
      throw DynamoException.validation("Invalid SequenceNumber: " + in.sequenceNumber());
    }
  }
}
