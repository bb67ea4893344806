package io.shaledb.core.op.item;

import io.shaledb.core.op.ConsumedCapacity;
import io.shaledb.core.op.PageItem;
import org.jspecify.annotations.Nullable;

/**
 * GetItem's response: the item, or null when there is none, and the capacity consumed when ReturnConsumedCapacity
 * asked for it (else null).
 */
public record GetItemOutput(@Nullable PageItem item, @Nullable ConsumedCapacity consumedCapacity) {}
