/** The DynamoDB Streams API: ListStreams, DescribeStream, GetShardIterator and GetRecords. */
package io.shaledb.core.op.stream;
