package io.shaledb.core.op.table;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** UntagResource's request, as decoded: any field may be null. */
public record UntagResourceInput(@Nullable String resourceArn, @Nullable List<String> tagKeys) {}
