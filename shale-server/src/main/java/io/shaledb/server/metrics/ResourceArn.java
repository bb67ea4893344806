package io.shaledb.server.metrics;

import org.jspecify.annotations.Nullable;

/**
 * The table, global index or stream a DynamoDB ARN names ({@code arn:aws:dynamodb:REGION:ACCOUNT:table/NAME}, then
 * {@code /index/NAME} or {@code /stream/LABEL}), which throttling reasons and stream reads carry.
 */
record ResourceArn(String table, @Nullable String index, @Nullable String streamLabel) {
  private static final String TABLE = ":table/";
  private static final String INDEX = "/index/";
  private static final String STREAM = "/stream/";

  /** The resource {@code arn} names, or null when it names no table. */
  static @Nullable ResourceArn parse(String arn) {
    int start = arn.indexOf(TABLE);
    if (start < 0) {
      return null;
    }
    String rest = arn.substring(start + TABLE.length());
    int index = rest.indexOf(INDEX);
    if (index >= 0) {
      return new ResourceArn(rest.substring(0, index), rest.substring(index + INDEX.length()), null);
    }
    int stream = rest.indexOf(STREAM);
    if (stream >= 0) {
      return new ResourceArn(rest.substring(0, stream), null, rest.substring(stream + STREAM.length()));
    }
    return new ResourceArn(rest, null, null);
  }
}
