package io.shaledb.server.protocol;

import org.jspecify.annotations.Nullable;

/**
 * One API call as the transport saw it.
 *
 * @param target the full X-Amz-Target value, such as {@code DynamoDB_20120810.PutItem}, or null when absent
 * @param requestId the id sent back in {@code x-amzn-RequestId}
 * @param accessKeyId the access key from the SigV4 credential scope (parsed, not yet verified)
 * @param region the region from the credential scope
 * @param host the host (and port) the client addressed, as DescribeEndpoints returns it
 */
public record ApiRequest(@Nullable String target, CharSequence requestId, String accessKeyId, String region, String host) {}
