package io.shaledb.core.op.table;

import java.util.List;

/** UntagResource's request, as decoded: any field may be null. */
public record UntagResourceInput(String resourceArn, List<String> tagKeys) {}
