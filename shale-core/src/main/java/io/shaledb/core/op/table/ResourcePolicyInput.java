package io.shaledb.core.op.table;

/** GetResourcePolicy's and DeleteResourcePolicy's request: the resource, and for a deletion the revision expected. */
public record ResourcePolicyInput(String resourceArn, String expectedRevisionId) {}
