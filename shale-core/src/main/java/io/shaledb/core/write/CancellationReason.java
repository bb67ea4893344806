package io.shaledb.core.write;

import io.shaledb.core.capacity.Throttles;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.model.AttributeValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Why one action of a cancelled transaction failed, in action order inside TransactionCanceledException's
 * CancellationReasons.
 *
 * @param code None, ConditionalCheckFailed, TransactionConflict, ValidationError, ...
 * @param message null for None
 * @param item the item as it was, when the action asked for ReturnValuesOnConditionCheckFailure ALL_OLD; else null
 */
public record CancellationReason(String code, @Nullable String message,
    @Nullable Map<String, AttributeValue> item) {
  public static final CancellationReason NONE = new CancellationReason("None", null, null);

  /** An action refused as invalid. */
  public static CancellationReason validationError(@Nullable String message) {
    return new CancellationReason("ValidationError", message, null);
  }

  /** An action throttled, or no reason when {@code refused} is null: the throttling error's code and message. */
  public static CancellationReason throttledOrNone(@Nullable DynamoException refused) {
    return refused == null ? NONE
        : new CancellationReason(Throttles.cancellationCode(refused), refused.getMessage(), null);
  }

  /** DynamoDB's TransactionCanceledException for these reasons, one per action in action order. */
  public static DynamoException cancel(List<CancellationReason> reasons) {
    String codes = String.join(", ", reasons.stream().map(CancellationReason::code).toList());
    return new DynamoException(ErrorCode.TRANSACTION_CANCELED,
        "Transaction cancelled, please refer cancellation reasons for specific reasons [" + codes + "]",
        Map.of("CancellationReasons", List.copyOf(reasons)));
  }
}
