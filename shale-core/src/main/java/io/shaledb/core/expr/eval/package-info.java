/** Evaluation of bound expressions on typed items: conditions, updates and projections. */
package io.shaledb.core.expr.eval;
