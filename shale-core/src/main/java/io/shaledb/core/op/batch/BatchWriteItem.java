package io.shaledb.core.op.batch;

import io.shaledb.core.capacity.Access;
import io.shaledb.core.capacity.BatchAdmission;
import io.shaledb.core.capacity.GlobalIndexEntry;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.op.ConsumedCapacity;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.batch.BatchWriteItemInput.WriteRequest;
import io.shaledb.core.op.item.CommonParameters;
import io.shaledb.core.op.item.ItemCollectionMetrics;
import io.shaledb.core.op.item.ItemKeys;
import io.shaledb.core.op.table.TableNames;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import io.shaledb.core.write.IndexWriteUnits;
import io.shaledb.core.write.ItemLimits;
import io.shaledb.core.write.ItemWrite;
import io.shaledb.core.write.WriteCondition;
import io.shaledb.core.write.WriteOutcome;
import io.shaledb.core.write.WritePipeline;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchWriteItem: up to 25 puts and deletes over several tables. Every request is validated before any is
 * written, so an invalid batch writes nothing. The writes commit together in one storage transaction, which costs one
 * commit instead of 25; DynamoDB promises only that each write is atomic on its own item, and this is stronger.
 */
public final class BatchWriteItem implements Operation<BatchWriteItemInput, BatchWriteItemOutput> {
  static final int MAX_REQUESTS = 25;

  private final Database db;
  private final WritePipeline writes;

  public BatchWriteItem(Database db, WritePipeline writes) {
    this.db = db;
    this.writes = writes;
  }

  @Override
  public void validate(BatchWriteItemInput in) {
    BatchRequests.requireNotEmpty(in.requestItems(), "BatchWriteItem");
    ConstraintViolations v = new ConstraintViolations();
    v.notNull("requestItems", in.requestItems());
    if (in.requestItems() != null) {
      v.size("requestItems", in.requestItems().keySet(), String.valueOf(in.requestItems().keySet()), 1, 25);
      for (Map.Entry<String, List<WriteRequest>> table : in.requestItems().entrySet()) {
        TableNames.declared(v, "requestItems.key", table.getKey());
        List<WriteRequest> requests = table.getValue();
        if (requests == null || requests.isEmpty() || requests.size() > MAX_REQUESTS) {
          v.add("'{" + table.getKey() + "=" + requests + "}'",
              "requestItems", "Map value must satisfy constraint: [Member must have length less than or equal to 25,"
                  + " Member must have length greater than or equal to 1]");
        }
      }
    }
    CommonParameters.returnConsumedCapacity(v, in.returnConsumedCapacity());
    CommonParameters.returnItemCollectionMetrics(v, in.returnItemCollectionMetrics());
    v.throwIfAny();
  }

  /**
   * Writes every item its tables and their partitions have capacity for in one commit. What a table or partition
   * cannot take now is returned as UnprocessedItems, for the client to send again (an item is admitted while its
   * table and partition hold units, each put spending its size in write units and each delete one, and while the
   * partitions of the global indexes a put's entries land on hold units, each entry spending its size); when nothing
   * can be written, the request fails with the first table's throttling error, as DynamoDB documents for
   * BatchWriteItem.
   */
  @Override
  public BatchWriteItemOutput execute(BatchWriteItemInput in, RequestContext context) {
    int total = Validated.present(in.requestItems()).values().stream().mapToInt(List::size).sum();
    if (total > MAX_REQUESTS) {
      throw DynamoException.validation("Too many items requested for the BatchWriteItem call");
    }
    List<ItemWrite> plan = new ArrayList<>();
    Map<String, List<WriteRequest>> unprocessed = new LinkedHashMap<>();
    DynamoException throttled = null;
    for (Map.Entry<String, List<WriteRequest>> entry : Validated.present(in.requestItems()).entrySet()) {
      TableMetadata table = db.tableForItems(entry.getKey());
      BatchAdmission admission = context.capacity().batch(table, Access.WRITE);
      Set<ByteBuffer> seen = new HashSet<>();
      for (WriteRequest request : entry.getValue()) {
        if ((request.putItem() == null) == (request.deleteKey() == null)) {
          throw DynamoException.validation("Supplied AttributeValue has more than one datatypes set, must contain"
              + " exactly one of the supported datatypes");
        }
        ItemWrite write;
        double units = 1;
        List<GlobalIndexEntry> entries = List.of();
        if (request.putItem() != null) {
          units = ConsumedCapacity.writeUnits(ItemLimits.checkSize(request.putItem()));
          write = ItemWrite.put(table, ItemKeys.ofItem(table, request.putItem()), WriteCondition.NONE,
              request.putItem());
          if (admission.enforced()) {
            entries = IndexWriteUnits.globalEntries(table, request.putItem());
          }
        } else {
          write = ItemWrite.delete(table, ItemKeys.ofKey(table, request.deleteKey()), WriteCondition.NONE);
        }
        if (!seen.add(ByteBuffer.wrap(write.key()))) {
          throw DynamoException.validation("Provided list of item keys contains duplicates");
        }
        int hash = KeyCodec.partitionHash(write.key());
        if (admission.admits(hash, entries)) {
          plan.add(write);
          admission.spend(hash, units, entries);
        } else {
          unprocessed.computeIfAbsent(table.name(), name -> new ArrayList<>()).add(request);
        }
      }
      throttled = throttled == null ? admission.refusal() : throttled;
    }
    if (plan.isEmpty() && throttled != null) {
      throw throttled;
    }
    List<WriteOutcome> results = writes.writeBatch(context, plan);
    Map<String, List<ItemCollectionMetrics>> metrics = new LinkedHashMap<>();
    for (int i = 0; i < plan.size(); i++) {
      TableMetadata table = plan.get(i).table();
      ItemCollectionMetrics m = ItemCollectionMetrics.of(in.returnItemCollectionMetrics(), table, results.get(i));
      if (m != null) {
        metrics.computeIfAbsent(table.name(), t -> new ArrayList<>()).add(m);
      }
    }
    return new BatchWriteItemOutput(unprocessed, context.capacity().report(in.returnConsumedCapacity()), metrics);
  }
}
