/**
 * The Netty HTTP/1.1 transport: connections and their limits and timeouts, body aggregation within a memory bound,
 * content coding, CORS, and handing API calls to virtual threads or answering them on the event loop; it knows
 * nothing of DynamoDB beyond the protocol package.
 */
package io.shaledb.server.http;
