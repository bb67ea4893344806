/**
 * The database's background services: time-to-live sweeping, index backfills, stream rollover, trimming and
 * retention, removal of dropped keyspaces, expiry of idempotency tokens and catalog refresh. Each works on one
 * keyspace at a time, bounds every range it reads or writes to that keyspace, and checks in each of its transactions
 * that the table it works for is still the one with that keyspace, so a table dropped and created again under the
 * same name is never touched by work meant for the old one.
 */
package io.shaledb.core.maintenance;
