package io.shaledb.server.protocol;

import io.shaledb.core.op.Principal;
import org.jspecify.annotations.Nullable;

/**
 * One API call as the transport saw it.
 *
 * @param target the full X-Amz-Target value, such as {@code DynamoDB_20120810.PutItem}, or null when absent
 * @param requestId the id sent back in {@code x-amzn-RequestId}
 * @param caller who sent it: a verified user, or without authentication the access key it named
 * @param host the host (and port) the client addressed, as DescribeEndpoints returns it
 * @param sourceIp the client's address, as policies' {@code aws:SourceIp} reads it; null when not over a network
 */
public record ApiRequest(@Nullable String target, CharSequence requestId, Principal caller, String host,
    @Nullable String sourceIp) {

  /** A call made from inside the process (benchmarks), from no address. */
  public ApiRequest(@Nullable String target, CharSequence requestId, Principal caller, String host) {
    this(target, requestId, caller, host, null);
  }
}
