package io.shaledb.core.op.item;

import io.shaledb.core.api.ComparisonOperator;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.validate.Choice;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One entry of the legacy Expected parameter, as decoded: any field may be null. */
public record ExpectedCondition(
    @Nullable AttributeValue value, @Nullable Boolean exists, @Nullable Choice<ComparisonOperator> comparisonOperator, @Nullable List<AttributeValue> attributeValueList) {}
