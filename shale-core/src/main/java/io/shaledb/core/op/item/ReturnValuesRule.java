package io.shaledb.core.op.item;

import io.shaledb.core.error.DynamoException;

/** Which ReturnValues each operation accepts, beyond the declared enum. */
final class ReturnValuesRule {
  private ReturnValuesRule() {}

  /** PutItem and DeleteItem accept only NONE and ALL_OLD; true when ALL_OLD was asked for. */
  static boolean allOldOrNone(String returnValues) {
    if (returnValues == null || returnValues.equals("NONE")) {
      return false;
    }
    if (returnValues.equals("ALL_OLD")) {
      return true;
    }
    throw DynamoException.validation("ReturnValues can only be ALL_OLD or NONE");
  }
}
