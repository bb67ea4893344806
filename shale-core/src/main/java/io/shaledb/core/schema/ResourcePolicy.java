package io.shaledb.core.schema;

/**
 * A resource-based policy attached to a table, with the revision id DynamoDB hands out for it; the server's access
 * control reads it for the table's calls once users exist.
 */
public record ResourcePolicy(String document, String revisionId) {}
