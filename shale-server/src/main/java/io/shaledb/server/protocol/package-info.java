/**
 * The transport-neutral protocol: an API request as received (target, request id, credential scope), the handler
 * interface the transport calls, and {@code ErrorResponses}, the one place that renders an error as DynamoDB does.
 */
package io.shaledb.server.protocol;
