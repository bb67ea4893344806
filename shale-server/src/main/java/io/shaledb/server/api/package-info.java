/**
 * The DynamoDB API over core: routing each X-Amz-Target to its operation with its JSON reader and writer, building
 * the request context, and deciding which calls may be answered on the event loop without blocking.
 */
package io.shaledb.server.api;
