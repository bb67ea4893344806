package io.shaledb.core.op.partiql;

import io.shaledb.core.op.PageItem;
import org.jspecify.annotations.Nullable;

/**
 * The answer to one statement of a batch: its error, or the item a read found.
 *
 * @param error null when the statement succeeded
 * @param tableName the statement's table; null where DynamoDB leaves it out (a statement refused as invalid)
 * @param item the item a SELECT found, or null
 */
public record BatchStatementResponse(@Nullable BatchStatementError error, @Nullable String tableName, @Nullable PageItem item) {}
