/** ACID transactions: TransactWriteItems and TransactGetItems over one storage transaction or snapshot. */
package io.shaledb.core.op.tx;
