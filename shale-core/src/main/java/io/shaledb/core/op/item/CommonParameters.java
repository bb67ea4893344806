package io.shaledb.core.op.item;

import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.api.ReturnItemCollectionMetrics;
import io.shaledb.core.api.ReturnValue;
import io.shaledb.core.validate.Choice;
import io.shaledb.core.validate.ConstraintViolations;

/** Declared constraints on the parameters that item operations share. */
public final class CommonParameters {
  private CommonParameters() {}

  public static ConstraintViolations returnConsumedCapacity(ConstraintViolations v,
      Choice<ReturnConsumedCapacity> value) {
    return v.oneOf("returnConsumedCapacity", value, ReturnConsumedCapacity.values());
  }

  public static ConstraintViolations returnItemCollectionMetrics(ConstraintViolations v,
      Choice<ReturnItemCollectionMetrics> value) {
    return v.oneOf("returnItemCollectionMetrics", value, ReturnItemCollectionMetrics.values());
  }

  static ConstraintViolations returnValues(ConstraintViolations v, Choice<ReturnValue> value) {
    return v.oneOf("returnValues", value, ReturnValue.values());
  }
}
