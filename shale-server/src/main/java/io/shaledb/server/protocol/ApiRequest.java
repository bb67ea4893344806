package io.shaledb.server.protocol;

import io.shaledb.core.op.Principal;
import io.shaledb.server.metrics.RequestObservation;
import org.jspecify.annotations.Nullable;

/**
 * One API call as the transport saw it.
 *
 * @param target the full X-Amz-Target value, such as {@code DynamoDB_20120810.PutItem}, or null when absent
 * @param requestId the id sent back in {@code x-amzn-RequestId}
 * @param caller who sent it: a verified user, or without authentication the access key it named
 * @param host the host (and port) the client addressed, as DescribeEndpoints returns it
 * @param sourceIp the client's address, as policies' {@code aws:SourceIp} reads it; null when not over a network
 * @param observation what the handler tells the request's metrics and logs: its operation, the capacity it consumed
 *     and what it returned
 */
public record ApiRequest(@Nullable String target, CharSequence requestId, Principal caller, String host,
    @Nullable String sourceIp, RequestObservation observation) {}
