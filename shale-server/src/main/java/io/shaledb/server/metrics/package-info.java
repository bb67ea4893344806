/**
 * What the server tells about its work: metrics named after DynamoDB's CloudWatch metrics, served at
 * {@code GET /metrics} in the Prometheus text format or OpenMetrics, and the request logs (one line per failed
 * request, and the optional access log). Core knows nothing of either: it tells the server through small listener
 * interfaces (capacity charges, time-to-live deletions), and the server reads the rest from each request's outcome.
 */
package io.shaledb.server.metrics;
