package io.shaledb.core.op.batch;

import io.shaledb.core.capacity.Access;
import io.shaledb.core.capacity.BatchAdmission;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.expr.ast.ExpressionKind;
import io.shaledb.core.expr.ast.Path;
import io.shaledb.core.expr.bind.Binder;
import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.ConsumedCapacity;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.Operation;
import io.shaledb.core.op.PageItem;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.op.batch.BatchGetItemInput.KeysAndAttributes;
import io.shaledb.core.op.item.CommonParameters;
import io.shaledb.core.op.item.ItemKeys;
import io.shaledb.core.op.item.ItemReader;
import io.shaledb.core.op.item.LegacyParameters;
import io.shaledb.core.op.item.RequestExpressions;
import io.shaledb.core.op.item.RequestExpressions.Parameter;
import io.shaledb.core.op.table.TableNames;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.validate.ConstraintViolations;
import io.shaledb.core.validate.Validated;
import io.shaledb.core.write.ItemConsensus;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * BatchGetItem: up to 100 keys over several tables. Keys whose items would take the response past 16 MB are
 * returned in UnprocessedKeys, as DynamoDB does. The keys of a table of multi-region strong consistency read with
 * ConsistentRead go through its regions' consensus, as GetItem's do.
 */
public final class BatchGetItem implements Operation<BatchGetItemInput, BatchGetItemOutput> {
  static final int MAX_KEYS = 100;
  static final long MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

  private final Database db;
  private final ItemConsensus consensus;

  /** @param consensus how items of tables of multi-region strong consistency are read strongly */
  public BatchGetItem(Database db, ItemConsensus consensus) {
    this.db = db;
    this.consensus = consensus;
  }

  @Override
  public void validate(BatchGetItemInput in) {
    BatchRequests.requireNotEmpty(in.requestItems(), "BatchGetItem");
    ConstraintViolations v = new ConstraintViolations();
    v.notNull("requestItems", in.requestItems());
    if (in.requestItems() != null) {
      v.size("requestItems", in.requestItems().keySet(), String.valueOf(in.requestItems().keySet()), 1, 100);
      for (Map.Entry<String, KeysAndAttributes> table : in.requestItems().entrySet()) {
        TableNames.declared(v, "requestItems.key", table.getKey());
        String keysPath = "requestItems." + table.getKey() + ".member.keys";
        List<Map<String, AttributeValue>> keys = table.getValue().keys();
        v.notNull(keysPath, keys);
        if (keys != null && keys.isEmpty()) {
          v.addWithoutValue(keysPath, "Member must have length greater than or equal to 1");
        }
      }
    }
    CommonParameters.returnConsumedCapacity(v, in.returnConsumedCapacity());
    v.throwIfAny();
  }

  /**
   * Reads every key from one snapshot (DynamoDB promises no consistency across a batch's items; one snapshot is
   * consistent and the cheapest), stopping at the response size limit and leaving the rest as UnprocessedKeys. The
   * keys of a table or partition whose capacity the batch has spent are left unprocessed too; when no key could be read for that
   * reason, the request fails with the first table's throttling error, as DynamoDB documents for BatchGetItem. The
   * strongly consistent reads of a table of multi-region strong consistency go through its regions' consensus instead
   * (all its keys side by side, before the limits are applied to them); a key whose read the consensus could not serve
   * is left unprocessed, as the API reference says of a key an "internal processing failure" left, and when no key
   * could be read at all the request fails with the first such error.
   *
   * <p>The consensus reads are made before the snapshot is taken: they wait for other regions, up to seconds when one
   * is slow, and a snapshot held that long keeps the engine's old versions. A key its table's or partition's capacity
   * already refuses is not read through the consensus (the batch would leave it unprocessed whatever it holds); one
   * that fits now may still be left for the response size or the units the keys before it spend, which depend on
   * the items' sizes, known only once read.
   */
  @Override
  public BatchGetItemOutput execute(BatchGetItemInput in, RequestContext context) {
    checkTotalKeys(Validated.present(in.requestItems()));
    Map<String, Plan> plans = new LinkedHashMap<>();
    for (Map.Entry<String, KeysAndAttributes> entry : Validated.present(in.requestItems()).entrySet()) {
      plans.put(entry.getKey(), plan(entry.getKey(), entry.getValue(), context));
    }
    plans.replaceAll((name, plan) -> plan.strong() ? plan.agreed(ConsensusReads.read(consensus, plan.table(),
        plan.keys(), i -> plan.admission().wouldAdmit(KeyCodec.partitionHash(plan.keys().get(i))))) : plan);
    Map<String, List<PageItem>> responses = new LinkedHashMap<>();
    Map<String, KeysAndAttributes> unprocessed = new LinkedHashMap<>();
    long responseBytes = 0;
    int read = 0;
    DynamoException throttled = null;
    DynamoException unavailable = null;
    boolean consistent = plans.values().stream().anyMatch(p -> Boolean.TRUE.equals(p.request().consistentRead()));
    try (Snapshot snapshot = consistent ? db.storage().consistentSnapshot() : db.storage().snapshot()) {
      for (Map.Entry<String, Plan> entry : plans.entrySet()) {
        Plan plan = entry.getValue();
        boolean strong = Boolean.TRUE.equals(plan.request().consistentRead());
        List<PageItem> found = new ArrayList<>();
        List<Map<String, AttributeValue>> left = new ArrayList<>();
        BatchAdmission admission = plan.admission();
        double units = 0;
        for (int i = 0; i < plan.keys().size(); i++) {
          int hash = KeyCodec.partitionHash(plan.keys().get(i));
          if (responseBytes > MAX_RESPONSE_BYTES || !admission.admits(hash)) {
            left.add(Validated.present(plan.request().keys()).get(i));
            continue;
          }
          byte[] stored;
          switch (plan.agreed() == null ? null : plan.agreed().get(i)) {
            case null -> stored = snapshot.get(plan.keys().get(i));
            case ConsensusReads.Result.Read(byte[] value) -> stored = value;
            case ConsensusReads.Result.Failed(DynamoException error) -> {
              unavailable = unavailable == null ? error : unavailable;
              left.add(Validated.present(plan.request().keys()).get(i));
              continue;
            }
            case ConsensusReads.Result.NotRead() -> throw new IllegalStateException(
                "a key its capacity refused before the batch spent any is admitted now");
          }
          read++;
          long size = stored == null ? 0 : ItemCodec.itemSize(stored);
          double itemUnits = ConsumedCapacity.readUnits(size, strong);
          admission.spend(hash, itemUnits);
          units += itemUnits;
          if (stored != null) {
            responseBytes += size;
            found.add(PageItem.of(stored, plan.projection()));
          }
        }
        responses.put(entry.getKey(), found);
        if (!left.isEmpty()) {
          KeysAndAttributes r = plan.request();
          unprocessed.put(entry.getKey(), new KeysAndAttributes(left, r.attributesToGet(), r.projectionExpression(),
              r.expressionAttributeNames(), r.consistentRead()));
        }
        context.capacity().read(entry.getKey(), units);
        throttled = throttled == null ? admission.refusal() : throttled;
      }
    }
    if (read == 0 && throttled != null) {
      throw throttled;
    }
    if (read == 0 && unavailable != null) {
      throw unavailable;
    }
    return new BatchGetItemOutput(responses, unprocessed, context.capacity().report(in.returnConsumedCapacity()));
  }

  /**
   * At most 100 keys in all. DynamoDB reports a request over the limit at the Keys of the table that asks for the
   * most (the first of those in the request).
   */
  private static void checkTotalKeys(Map<String, KeysAndAttributes> requestItems) {
    int total = 0;
    String largest = null;
    int largestSize = -1;
    for (Map.Entry<String, KeysAndAttributes> entry : requestItems.entrySet()) {
      int size = Validated.present(entry.getValue().keys()).size();
      total += size;
      if (size > largestSize) {
        largest = entry.getKey();
        largestSize = size;
      }
    }
    if (total > MAX_KEYS) {
      throw DynamoException.validation("1 validation error detected: Value at 'RequestItems." + largest
          + ".member.Keys' failed to satisfy constraint: Member must have length less than or equal to " + MAX_KEYS);
    }
  }

  /**
   * One table's keys, validated and encoded before anything is read, with the batch's admission on the table and,
   * for a table read through the consensus, the keys' reads.
   */
  private record Plan(TableMetadata table, KeysAndAttributes request, List<byte[]> keys,
      @Nullable List<Path> projection, BatchAdmission admission, @Nullable List<ConsensusReads.Result> agreed) {
    /** Whether the keys are read through the table's consensus. */
    boolean strong() {
      return ItemReader.throughConsensus(table, Boolean.TRUE.equals(request.consistentRead()));
    }

    Plan agreed(List<ConsensusReads.Result> reads) {
      return new Plan(table, request, keys, projection, admission, reads);
    }
  }

  private Plan plan(String tableName, KeysAndAttributes request, RequestContext context) {
    RequestExpressions.checkParameters(List.of(Parameter.of("ProjectionExpression", request.projectionExpression())),
        List.of(Parameter.of("AttributesToGet", request.attributesToGet())), request.expressionAttributeNames(), null);
    Binder binder = RequestExpressions.binder(request.expressionAttributeNames(), null);
    List<Path> projection = request.attributesToGet() != null
        ? LegacyParameters.attributesToGet(request.attributesToGet())
        : request.projectionExpression() == null ? null
        : binder.bind(ExpressionKind.PROJECTION, db.expressions().projection(request.projectionExpression()));
    binder.checkAllUsed();
    TableMetadata table = db.tableForItems(tableName);
    binder.checkKeyPaths(table);
    List<byte[]> keys = new ArrayList<>();
    Set<ByteBuffer> seen = new HashSet<>();
    for (Map<String, AttributeValue> key : Validated.present(request.keys())) {
      if (key == null || key.isEmpty()) {
        // DynamoDB Local 3.3.1's answer (probed) to a JSON null or {} among the keys; the service documents none.
        throw DynamoException.validation("The list of keys in RequestItems for BatchGetItem may not contain null or"
            + " empty values: " + tableName + " has one or more empty keys");
      }
      byte[] encoded = ItemKeys.ofKey(table, key);
      if (!seen.add(ByteBuffer.wrap(encoded))) {
        throw DynamoException.validation("Provided list of item keys contains duplicates");
      }
      keys.add(encoded);
    }
    return new Plan(table, request, keys, projection, context.capacity().batch(table, Access.READ), null);
  }
}
