/** The lexer and parser of DynamoDB's PartiQL subset, producing {@link io.shaledb.core.partiql.ast.Statement}s. */
package io.shaledb.core.partiql.parse;
