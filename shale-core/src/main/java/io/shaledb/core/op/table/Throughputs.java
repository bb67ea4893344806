package io.shaledb.core.op.table;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.op.table.CreateTableInput.Throughput;
import io.shaledb.core.schema.BillingMode;
import io.shaledb.core.schema.ProvisionedThroughput;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import org.jspecify.annotations.Nullable;

/** The rules on ProvisionedThroughput that CreateTable and UpdateTable share. */
final class Throughputs {
  /** DynamoDB's upper bound on a capacity value. */
  private static final long MAX_UNITS = 1_000_000_000_000L;

  private Throughputs() {}

  static void checkDeclared(ConstraintViolations v, String path, @Nullable Throughput t) {
    if (t != null) {
      v.notNull(path + ".writeCapacityUnits", t.writeCapacityUnits())
          .range(path + ".writeCapacityUnits", t.writeCapacityUnits(), 1, Long.MAX_VALUE)
          .notNull(path + ".readCapacityUnits", t.readCapacityUnits())
          .range(path + ".readCapacityUnits", t.readCapacityUnits(), 1, Long.MAX_VALUE);
    }
  }

  /** The throughput a new table gets, checking it against the billing mode. */
  static ProvisionedThroughput forCreate(BillingMode mode, @Nullable Throughput t) {
    if (mode == BillingMode.PAY_PER_REQUEST) {
      if (t != null) {
        throw DynamoException.validation(
            "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be"
                + " specified when BillingMode is PAY_PER_REQUEST");
      }
      return ProvisionedThroughput.ON_DEMAND;
    }
    if (t == null) {
      throw DynamoException.validation("One or more parameter values were invalid: ReadCapacityUnits and"
          + " WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
    }
    checkBounds(t);
    return ProvisionedThroughput.of(Validated.present(t.readCapacityUnits()),
        Validated.present(t.writeCapacityUnits()));
  }

  static void checkBounds(Throughput t) {
    if (Validated.present(t.readCapacityUnits()) > MAX_UNITS) {
      throw DynamoException.validation(
          "Given value " + t.readCapacityUnits() + " for ReadCapacityUnits is out of bounds");
    }
    if (Validated.present(t.writeCapacityUnits()) > MAX_UNITS) {
      throw DynamoException.validation(
          "Given value " + t.writeCapacityUnits() + " for WriteCapacityUnits is out of bounds");
    }
  }
}
