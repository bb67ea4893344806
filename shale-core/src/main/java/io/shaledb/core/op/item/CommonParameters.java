package io.shaledb.core.op.item;

import io.shaledb.core.validate.ConstraintViolations;
import java.util.List;

/** Declared constraints on the parameters that item operations share. */
final class CommonParameters {
  static final List<String> RETURN_VALUES = List.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");
  static final List<String> RETURN_CONSUMED_CAPACITY = List.of("INDEXES", "TOTAL", "NONE");
  static final List<String> RETURN_ITEM_COLLECTION_METRICS = List.of("SIZE", "NONE");

  private CommonParameters() {}

  static ConstraintViolations returnConsumedCapacity(ConstraintViolations v, String value) {
    return v.oneOf("returnConsumedCapacity", value, RETURN_CONSUMED_CAPACITY);
  }

  static ConstraintViolations returnItemCollectionMetrics(ConstraintViolations v, String value) {
    return v.oneOf("returnItemCollectionMetrics", value, RETURN_ITEM_COLLECTION_METRICS);
  }

  static ConstraintViolations returnValues(ConstraintViolations v, String value) {
    return v.oneOf("returnValues", value, RETURN_VALUES);
  }
}
