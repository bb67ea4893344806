package io.shaledb.core.op.item;

import io.shaledb.core.api.ReturnValue;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.validate.Choice;
import org.jspecify.annotations.Nullable;

/** Which ReturnValues each operation accepts, beyond the declared enum. */
final class ReturnValuesRule {
  private ReturnValuesRule() {}

  /** PutItem and DeleteItem accept only NONE and ALL_OLD; true when ALL_OLD was asked for. */
  static boolean allOldOrNone(@Nullable Choice<ReturnValue> returnValues) {
    return switch (Choice.valueOr(returnValues, ReturnValue.NONE)) {
      case NONE -> false;
      case ALL_OLD -> true;
      case UPDATED_OLD, ALL_NEW, UPDATED_NEW ->
          throw DynamoException.requestValidation("ReturnValues can only be ALL_OLD or NONE");
    };
  }
}
