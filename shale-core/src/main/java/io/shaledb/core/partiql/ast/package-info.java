/**
 * The typed trees of DynamoDB's PartiQL subset: immutable records under sealed interfaces, as the parser produces
 * them, before parameters are bound and before a statement is planned as a read or write of the existing operations.
 */
package io.shaledb.core.partiql.ast;
