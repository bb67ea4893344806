/**
 * The single-item APIs (PutItem, GetItem, UpdateItem, DeleteItem): their inputs, validation and outputs, with the
 * parameter rules they share, including the legacy parameters (Expected, AttributeUpdates, AttributesToGet); the
 * writes themselves go through {@code io.shaledb.core.write}.
 */
package io.shaledb.core.op.item;
