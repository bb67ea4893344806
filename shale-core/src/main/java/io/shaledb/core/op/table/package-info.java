/**
 * The control plane: creating, describing, updating, listing and deleting tables and their indexes, time to live,
 * tags and limits, and the settings infrastructure tools set and read back (resource policies, contributor insights,
 * Kinesis destinations, continuous backups, replica auto scaling), each API with its validation and DynamoDB's
 * description of a table; changes go through the catalog so that they are atomic and survive restarts.
 */
package io.shaledb.core.op.table;
