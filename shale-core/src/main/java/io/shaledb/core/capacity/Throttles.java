package io.shaledb.core.capacity;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.error.ThrottlingReason;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB's answers to a throttled request. The messages are the service's, as the API reference lists them
 * (TransactGetItems, "CancellationReasons"): ProvisionedThroughputExceededException for provisioned tables and
 * indexes, ThrottlingException for on-demand ones; each carries ThrottlingReasons naming the limit and resource.
 */
public final class Throttles {
  static final String TABLE_PROVISIONED = "The level of configured provisioned throughput for the table was"
      + " exceeded. Consider increasing your provisioning level with the UpdateTable API.";
  static final String INDEX_PROVISIONED = "The level of configured provisioned throughput for one or more global"
      + " secondary indexes of the table was exceeded. Consider increasing your provisioning level for the"
      + " under-provisioned global secondary indexes with the UpdateTable API";
  static final String TABLE_ON_DEMAND = "Throughput exceeds the current capacity of your table or index. DynamoDB is"
      + " automatically scaling your table or index so please try again shortly. If exceptions persist, check if you"
      + " have a hot key: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html";
  static final String INDEX_ON_DEMAND = "Throughput exceeds the current capacity for one or more global secondary"
      + " indexes. DynamoDB is automatically scaling your index so please try again shortly.";

  /** The limit a throttled request ran into: the last part of a throttling reason. */
  public enum Limit {
    PROVISIONED("ProvisionedThroughputExceeded"),
    KEY_RANGE("KeyRangeThroughputExceeded"),
    ACCOUNT("AccountLimitExceeded"),
    MAX_ON_DEMAND("MaxOnDemandThroughputExceeded");

    private final String name;

    Limit(String name) {
      this.name = name;
    }
  }

  private Throttles() {}

  /**
   * The error for a request throttled on a table ({@code index} false) or one of its global indexes.
   *
   * @param onDemand whether the table is billed per request, which DynamoDB answers with ThrottlingException
   */
  public static DynamoException throttled(boolean onDemand, boolean index, Access access, Limit limit,
      String resourceArn) {
    String message = onDemand ? (index ? INDEX_ON_DEMAND : TABLE_ON_DEMAND)
        : (index ? INDEX_PROVISIONED : TABLE_PROVISIONED);
    ErrorCode code = onDemand ? ErrorCode.THROTTLING : ErrorCode.PROVISIONED_THROUGHPUT_EXCEEDED;
    // The service model names the member ThrottlingReasons in ProvisionedThroughputExceededException and
    // throttlingReasons in ThrottlingException, and the SDKs read each by its own name.
    return new DynamoException(code, message, Map.of(onDemand ? "throttlingReasons" : "ThrottlingReasons",
        List.of(new ThrottlingReason(reason(index, access, limit), resourceArn))));
  }

  /** The code a transaction's cancellation reason gives an action on a throttled table. */
  public static String cancellationCode(DynamoException throttled) {
    return throttled.code() == ErrorCode.THROTTLING ? "ThrottlingError" : "ProvisionedThroughputExceeded";
  }

  private static String reason(boolean index, Access access, Limit limit) {
    String operation = switch (access) {
      case READ -> "Read";
      case WRITE -> "Write";
    };
    return (index ? "Index" : "Table") + operation + limit.name;
  }
}
