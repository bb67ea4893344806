/**
 * The storage SPI: an ordered, transactional store of byte keys and values. Engines implement it and register a
 * {@link io.shaledb.core.storage.StorageEngineProvider}; nothing in here knows DynamoDB types.
 */
package io.shaledb.core.storage;
