/** The typed trees of the expression language: immutable records under sealed interfaces. */
package io.shaledb.core.expr.ast;
