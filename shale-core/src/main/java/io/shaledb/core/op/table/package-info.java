/**
 * The control plane: creating, describing, updating, listing and deleting tables and their indexes, time to live,
 * tags and limits, each API with its validation and DynamoDB's description of a table; changes go through the
 * catalog so that they are atomic and survive restarts.
 */
package io.shaledb.core.op.table;
