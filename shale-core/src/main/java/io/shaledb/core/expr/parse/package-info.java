/** The lexer and recursive-descent parser of the expression language. */
package io.shaledb.core.expr.parse;
