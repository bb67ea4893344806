package io.shaledb.core.op.stream;

import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.stream.StreamRequests.ChangeRecord;
import io.shaledb.core.op.stream.StreamRequests.GetRecordsInput;
import io.shaledb.core.op.stream.StreamRequests.GetRecordsOutput;
import io.shaledb.core.stream.StreamDescriptor;
import io.shaledb.core.stream.StreamDescriptor.Shard;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import java.util.List;

/**
 * GetRecords: up to 1000 records after an iterator's position, and the iterator to continue with; a closed shard
 * read to its end answers without one, so the reader moves on to the shard's child.
 */
public final class GetRecords implements Operation<GetRecordsInput, GetRecordsOutput> {
  private final Database db;

  public GetRecords(Database db) {
    this.db = db;
  }

  @Override
  public void validate(GetRecordsInput in) {
    new ConstraintViolations().notNull("shardIterator", in.shardIterator())
        .range("limit", in.limit(), 1, 1000)
        .throwIfAny();
  }

  @Override
  public GetRecordsOutput execute(GetRecordsInput in, RequestContext context) {
    ShardIterators.Position position = ShardIterators.decode(Validated.present(in.shardIterator()), db.clock());
    StreamDescriptor stream = StreamReader.stream(db, position.streamArn());
    Shard shard = StreamReader.shard(stream, position.shardId());
    StreamReader.checkNotTrimmed(stream, position.after());
    List<ChangeRecord> records = StreamReader.read(db, stream, shard, position.after(),
        in.limit() == null ? 1000 : in.limit().intValue());
    long after = records.isEmpty() ? position.after() : records.get(records.size() - 1).sequenceNumber();
    boolean exhausted = stream.ended(shard) && records.isEmpty();
    String next = exhausted ? null : ShardIterators.encode(new ShardIterators.Position(stream.arn(),
        shard.shardId(), after, db.clock().millis()));
    return new GetRecordsOutput(stream.arn(), records, next);
  }
}
