package io.shaledb.core.op.read;

import io.shaledb.core.op.item.ExpectedCondition;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Query's request, as decoded: any field may be null. {@code keyConditions} is the legacy KeyConditions. */
public record QueryInput(
    ReadRequest read,
    @Nullable String keyConditionExpression,
    @Nullable Map<String, ExpectedCondition> keyConditions,
    @Nullable Boolean scanIndexForward) {}
