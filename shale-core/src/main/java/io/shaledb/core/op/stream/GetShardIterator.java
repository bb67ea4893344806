package io.shaledb.core.op.stream;

import io.shaledb.core.api.ShardIteratorType;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.stream.StreamRequests.GetShardIteratorInput;
import io.shaledb.core.stream.StreamDescriptor;
import io.shaledb.core.stream.StreamDescriptor.Shard;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;

/** GetShardIterator: where reading a shard starts. */
public final class GetShardIterator implements Operation<GetShardIteratorInput, String> {
  private final Database db;

  public GetShardIterator(Database db) {
    this.db = db;
  }

  /** The declared constraints of the Streams API's model (StreamArn 37-1024, ShardId 28-65, SequenceNumber 21-40). */
  @Override
  public void validate(GetShardIteratorInput in) {
    new ConstraintViolations().notNull("streamArn", in.streamArn())
        .length("streamArn", in.streamArn(), 37, 1024)
        .notNull("shardId", in.shardId())
        .length("shardId", in.shardId(), 28, 65)
        .notNull("shardIteratorType", in.shardIteratorType())
        .oneOf("shardIteratorType", in.shardIteratorType(), ShardIteratorType.values())
        .length("sequenceNumber", in.sequenceNumber(), 21, 40)
        .throwIfAny();
  }

  /**
   * A SequenceNumber is refused where the iterator type takes none and required where it takes one, before the
   * stream is looked up (ScyllaDB's test_streams.py against the service pins which are refused; the wording is
   * DynamoDB Local 3.3.1's).
   */
  @Override
  public String execute(GetShardIteratorInput in, RequestContext context) {
    ShardIteratorType type = Validated.present(in.shardIteratorType()).known();
    boolean positioned = switch (type) {
      case TRIM_HORIZON, LATEST -> false;
      case AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER -> true;
    };
    if (!positioned && in.sequenceNumber() != null) {
      throw DynamoException.validation("One or more parameter values were invalid: SequenceNumber should not be"
          + " passed for this iterator type");
    }
    long sequence = positioned ? sequence(in) : 0;
    StreamDescriptor stream = StreamReader.stream(db, Validated.present(in.streamArn()));
    Shard shard = StreamReader.shard(stream, Validated.present(in.shardId()));
    long after = switch (type) {
      case TRIM_HORIZON -> Math.max(shard.start(), stream.trimmedBefore()) - 1;
      case LATEST -> Math.min(db.storage().nextVersionstamp(), shard.end()) - 1;
      case AT_SEQUENCE_NUMBER -> sequence - 1;
      case AFTER_SEQUENCE_NUMBER -> sequence;
    };
    StreamReader.checkNotTrimmed(stream, after);
    return ShardIterators.encode(new ShardIterators.Position(stream.arn(), shard.shardId(), after,
        db.clock().millis()));
  }

  /** The request's sequence number: missing or not a number, it is invalid. */
  private static long sequence(GetShardIteratorInput in) {
    try {
      return Long.parseLong(in.sequenceNumber());
    } catch (NumberFormatException e) {
      throw DynamoException.validation("One or more parameter values were invalid: Invalid SequenceNumber");
    }
  }
}
