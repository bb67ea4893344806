package io.shaledb.core.op.table;

/** PutResourcePolicy's request, as decoded: any field may be null. */
public record PutResourcePolicyInput(String resourceArn, String policy, String expectedRevisionId,
    Boolean confirmRemoveSelfResourceAccess) {}
