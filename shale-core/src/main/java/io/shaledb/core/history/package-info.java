/**
 * Point-in-time recovery's history: the before-image of every item change of a table with recovery enabled, written
 * by the write pipeline in the change's own storage transaction, and the table as it was at an instant, read back
 * from one snapshot by merging the current items with that history.
 */
package io.shaledb.core.history;
