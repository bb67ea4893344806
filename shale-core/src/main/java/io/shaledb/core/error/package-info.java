/** Errors as data: {@link io.shaledb.core.error.DynamoException} carries DynamoDB's error code and message. */
package io.shaledb.core.error;
