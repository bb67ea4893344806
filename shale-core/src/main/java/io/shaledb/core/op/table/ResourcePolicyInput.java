package io.shaledb.core.op.table;

import org.jspecify.annotations.Nullable;

/** GetResourcePolicy's and DeleteResourcePolicy's request: the resource, and for a deletion the revision expected. */
public record ResourcePolicyInput(@Nullable String resourceArn, @Nullable String expectedRevisionId) {}
