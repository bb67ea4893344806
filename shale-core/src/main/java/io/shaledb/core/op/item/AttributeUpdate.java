package io.shaledb.core.op.item;

import io.shaledb.core.api.AttributeAction;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.validate.Choice;
import org.jspecify.annotations.Nullable;

/** One entry of the legacy AttributeUpdates parameter, as decoded: any field may be null. */
public record AttributeUpdate(@Nullable AttributeValue value, @Nullable Choice<AttributeAction> action) {}
