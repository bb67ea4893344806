package io.shaledb.core.op.read;

import io.shaledb.core.op.item.ExpectedCondition;
import java.util.Map;

/** Query's request, as decoded: any field may be null. {@code keyConditions} is the legacy KeyConditions. */
public record QueryInput(
    ReadRequest read,
    String keyConditionExpression,
    Map<String, ExpectedCondition> keyConditions,
    Boolean scanIndexForward) {}
