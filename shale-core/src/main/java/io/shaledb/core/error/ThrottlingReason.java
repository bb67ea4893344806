package io.shaledb.core.error;

/**
 * Why a request was throttled, as DynamoDB's throttling errors list it (API reference, ThrottlingReason).
 *
 * @param reason the resource type, operation type and limit type run together, such as
 *     {@code TableReadProvisionedThroughputExceeded}
 * @param resource the ARN of the table or index that was throttled
 */
public record ThrottlingReason(String reason, String resource) {}
