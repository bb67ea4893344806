package io.shaledb.core.op.item;

import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.api.ReturnItemCollectionMetrics;
import io.shaledb.core.api.ReturnValue;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.validate.ConstraintViolations;
import org.jspecify.annotations.Nullable;

/** Declared constraints on the parameters that item operations share. */
public final class CommonParameters {
  private CommonParameters() {}

  public static ConstraintViolations returnConsumedCapacity(ConstraintViolations v,
      @Nullable Choice<ReturnConsumedCapacity> value) {
    return v.oneOf("returnConsumedCapacity", value, ReturnConsumedCapacity.values());
  }

  public static ConstraintViolations returnItemCollectionMetrics(ConstraintViolations v,
      @Nullable Choice<ReturnItemCollectionMetrics> value) {
    return v.oneOf("returnItemCollectionMetrics", value, ReturnItemCollectionMetrics.values());
  }

  static ConstraintViolations returnValues(ConstraintViolations v, @Nullable Choice<ReturnValue> value) {
    return v.oneOf("returnValues", value, ReturnValue.values());
  }
}
