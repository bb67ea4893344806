/**
 * PartiQL's three operations (ExecuteStatement, BatchExecuteStatement, ExecuteTransaction): a parsed statement has
 * its parameters bound and is planned onto the machinery of the other operations (a point read, a partition read or
 * a scan; a write through the write pipeline; a transaction through the pipeline's transactional flavour), so there
 * is no second evaluator of conditions or updates.
 */
package io.shaledb.core.op.partiql;
