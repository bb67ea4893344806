/** The operation engine: one class per DynamoDB API operation, over the catalog and the storage SPI. */
package io.shaledb.core.op;
