package io.shaledb.core.op.stream;

import io.shaledb.core.api.ShardFilterType;
import io.shaledb.core.api.ShardIteratorType;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.schema.StreamViewType;
import io.shaledb.core.stream.StreamDescriptor;
import io.shaledb.core.validate.Choice;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The requests and responses of the DynamoDB Streams API, as decoded: request fields may be null. */
public final class StreamRequests {
  private StreamRequests() {}

  public record ListStreamsInput(@Nullable String tableName, @Nullable Long limit, @Nullable String exclusiveStartStreamArn) {}

  public record ListStreamsOutput(List<StreamDescriptor> streams, @Nullable String lastEvaluatedStreamArn) {}

  /** @param shardFilter null when the request has none */
  public record DescribeStreamInput(@Nullable String streamArn, @Nullable Long limit, @Nullable String exclusiveStartShardId,
      @Nullable ShardFilter shardFilter) {}

  /** DescribeStream's ShardFilter: with CHILD_SHARDS, only the children of {@code shardId}. */
  public record ShardFilter(@Nullable Choice<ShardFilterType> type, @Nullable String shardId) {}

  /** A stream, its status and one page of its shards. */
  public record DescribeStreamOutput(StreamDescriptor stream, String status, List<ShardDescription> shards,
      @Nullable String lastEvaluatedShardId) {}

  /** @param endingSequenceNumber the last sequence number of a closed shard, else null */
  public record ShardDescription(String shardId, @Nullable String parentShardId, String startingSequenceNumber,
      @Nullable String endingSequenceNumber) {}

  public record GetShardIteratorInput(@Nullable String streamArn, @Nullable String shardId, @Nullable Choice<ShardIteratorType> shardIteratorType,
      @Nullable String sequenceNumber) {}

  public record GetRecordsInput(@Nullable String shardIterator, @Nullable Long limit) {}

  /** One change record as stored: its sequence number and its fields (see StreamLog). */
  public record ChangeRecord(long sequenceNumber, Map<String, AttributeValue> fields, StreamViewType viewType) {}

  /**
   * @param streamArn the stream read, which the response does not carry but metrics label its records with
   * @param nextShardIterator null once a closed shard is read to its end
   */
  public record GetRecordsOutput(String streamArn, List<ChangeRecord> records, @Nullable String nextShardIterator) {}

  /**
   * The stream a shard iterator reads, or null for text that is no iterator: what access control checks GetRecords
   * on, before the call itself refuses a bad or expired iterator.
   */
  public static @Nullable String streamArnOf(String shardIterator) {
    return ShardIterators.streamArn(shardIterator);
  }

  /** DynamoDB Streams' sequence numbers are numeric strings of 21 digits. */
  public static String sequenceNumber(long sequence) {
    return String.format("%021d", sequence);
  }
}
