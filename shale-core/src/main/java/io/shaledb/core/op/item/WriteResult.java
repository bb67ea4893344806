package io.shaledb.core.op.item;

import io.shaledb.core.model.AttributeValue;
import java.util.Map;

/** The item before and after a committed write; either may be null (absent). */
public record WriteResult(Map<String, AttributeValue> previous, Map<String, AttributeValue> current) {}
