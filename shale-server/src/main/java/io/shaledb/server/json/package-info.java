/**
 * DynamoDB's JSON wire format with Jackson's streaming API (no trees): reading each operation's input into core's
 * typed requests, with DynamoDB's serialization errors, and writing its output.
 */
package io.shaledb.server.json;
