package io.shaledb.core.write;

import io.shaledb.core.model.AttributeValue;
import java.util.Map;

/**
 * Why one action of a cancelled transaction failed, in action order inside TransactionCanceledException's
 * CancellationReasons.
 *
 * @param code None, ConditionalCheckFailed, TransactionConflict, ValidationError, ...
 * @param message null for None
 * @param item the item as it was, when the action asked for ReturnValuesOnConditionCheckFailure ALL_OLD; else null
 */
public record CancellationReason(String code, String message, Map<String, AttributeValue> item) {
  public static final CancellationReason NONE = new CancellationReason("None", null, null);
}
