package io.shaledb.core.capacity;

import io.shaledb.core.schema.IndexMetadata;

/**
 * An entry a write will put in a global index: the index, the partition-key hash of the entry (which picks the index's
 * partition) and the write units it costs, for a batch to check against the index's partitions before writing.
 */
public record GlobalIndexEntry(IndexMetadata index, int keyHash, double units) {}
