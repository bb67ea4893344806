package io.shaledb.core.schema;

/**
 * A resource-based policy attached to a table, with the revision id DynamoDB hands out for it. Stored, not enforced:
 * ShaleDB has no access control yet.
 */
public record ResourcePolicy(String document, String revisionId) {}
