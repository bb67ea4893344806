package io.shaledb.core.op.item;

import io.shaledb.core.model.AttributeValue;
import java.util.Map;

/** The response of a single-item operation: the item it returns (old or read), or null. */
public record ItemOutput(Map<String, AttributeValue> attributes) {}
