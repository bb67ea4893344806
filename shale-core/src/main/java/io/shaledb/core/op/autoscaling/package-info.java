/**
 * The Application Auto Scaling operations that DynamoDB auto scaling uses (the SDK's application-autoscaling client,
 * target prefix {@code AnyScaleFrontendService}), for the {@code dynamodb} service namespace only.
 */
package io.shaledb.core.op.autoscaling;
