/**
 * The write pipeline every write API goes through (PutItem, UpdateItem, DeleteItem, BatchWriteItem,
 * TransactWriteItems, time-to-live deletions): read the current items, evaluate conditions, apply the changes, check
 * sizes, stage the items with their index entries, item-collection sizes and stream records, commit, then count
 * statistics and charge capacity; redone from fresh reads when the commit loses a conflict.
 */
package io.shaledb.core.write;
