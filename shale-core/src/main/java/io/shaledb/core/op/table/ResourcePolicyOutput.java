package io.shaledb.core.op.table;

import org.jspecify.annotations.Nullable;

/** What the policy operations answer: the document (GetResourcePolicy only) and the revision id, each when any. */
public record ResourcePolicyOutput(@Nullable String policy, @Nullable String revisionId) {}
