package io.shaledb.core.op.table;

import io.shaledb.core.op.table.CreateTableInput.Tag;
import java.util.List;

/** TagResource's request, as decoded: any field may be null. */
public record TagResourceInput(String resourceArn, List<Tag> tags) {}
