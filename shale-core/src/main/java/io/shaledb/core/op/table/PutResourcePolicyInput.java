package io.shaledb.core.op.table;

import org.jspecify.annotations.Nullable;

/** PutResourcePolicy's request, as decoded: any field may be null. */
public record PutResourcePolicyInput(@Nullable String resourceArn, @Nullable String policy, @Nullable String expectedRevisionId,
    @Nullable Boolean confirmRemoveSelfResourceAccess) {}
