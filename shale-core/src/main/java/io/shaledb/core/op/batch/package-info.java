/** BatchGetItem and BatchWriteItem: many single-item reads and writes in one request, not a transaction. */
package io.shaledb.core.op.batch;
