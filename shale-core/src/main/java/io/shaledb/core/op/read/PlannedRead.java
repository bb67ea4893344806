package io.shaledb.core.op.read;

import io.shaledb.core.expr.ast.Condition;
import io.shaledb.core.expr.ast.Path;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.keys.SortKeyCondition;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.write.ItemConsensus;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A page read that its caller planned itself (PartiQL's SELECT): one partition of a table or index, as a Query reads
 * it, or all of them, as a Scan does; through the same page reader, so it stops, resumes and is charged exactly as
 * Query and Scan are.
 *
 * @param index the index read, or null for the table
 * @param partition the partition key's value, or null to read every partition
 * @param sortKey the range of sort keys read within the partition, or null for all
 * @param limit at most this many items read, or null
 * @param maxBytes the page stops once it has read this much ({@link #MAX_PAGE_BYTES}, or what is left of it when
 *     the caller reads several ranges into one page)
 * @param filter the bound condition the items must meet, or null
 * @param attributes the top-level attributes the caller will return, or null for whole items: a local index that
 *     does not project one of them has its entries completed from the table, as for Query
 * @param exclusiveStartKey the LastEvaluatedKey of the previous page, or null
 */
public record PlannedRead(TableMetadata table, @Nullable IndexMetadata index, @Nullable AttributeValue partition,
    @Nullable SortKeyCondition sortKey, boolean reverse, @Nullable Integer limit, long maxBytes,
    @Nullable Condition filter,
    @Nullable List<Path> attributes, boolean consistent, @Nullable Map<String, AttributeValue> exclusiveStartKey) {

  /** DynamoDB's limit on what one page reads. */
  public static final long MAX_PAGE_BYTES = PageReader.MAX_PAGE_BYTES;

  /** Whether {@code index} holds {@code attribute} in its entries (its keys, the table's, and what it projects). */
  public static boolean projects(TableMetadata table, IndexMetadata index, String attribute) {
    return ReadParameters.projected(table, index, attribute);
  }

  /**
   * Reads the page, charging it to the request; the page's ConsumedCapacity is left for the caller to report.
   *
   * @param consensus how a strongly consistent read of a table of multi-region strong consistency reads its items
   */
  public ReadPage read(Database db, ItemConsensus consensus, RequestContext context) {
    ReadTarget target = new ReadTarget(table, index, index != null && index.local()
        && index.projectionType() != IndexMetadata.ProjectionType.ALL && (attributes == null
            || attributes.stream().anyMatch(path -> !ReadParameters.projected(table, index, path.topLevelName()))));
    KeyRange range = partition == null ? KeyCodec.keyspaceRange(target.keyspace())
        : KeyCodec.queryRange(target.keyspace(), List.of(partition), List.of(), sortKey);
    byte[] start = exclusiveStartKey == null ? null : ReadParameters.startKey(target, exclusiveStartKey);
    return PageReader.read(db.storage(), consensus, target, PageReader.after(range, start, reverse), reverse, limit, maxBytes,
        filter, null, false, consistent, context, null);
  }
}
