package io.shaledb.core.op.table;

import io.shaledb.core.op.table.CreateTableInput.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** TagResource's request, as decoded: any field may be null. */
public record TagResourceInput(@Nullable String resourceArn, @Nullable List<Tag> tags) {}
