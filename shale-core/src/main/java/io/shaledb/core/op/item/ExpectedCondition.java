package io.shaledb.core.op.item;

import io.shaledb.core.api.ComparisonOperator;
import io.shaledb.core.validate.Choice;

import io.shaledb.core.model.AttributeValue;
import java.util.List;

/** One entry of the legacy Expected parameter, as decoded: any field may be null. */
public record ExpectedCondition(
    AttributeValue value, Boolean exists, Choice<ComparisonOperator> comparisonOperator, List<AttributeValue> attributeValueList) {}
