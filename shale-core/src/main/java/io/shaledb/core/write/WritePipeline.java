package io.shaledb.core.write;

import io.shaledb.core.background.Service;
import io.shaledb.core.backup.RestoreSource.SourceItem;
import io.shaledb.core.capacity.Access;
import io.shaledb.core.catalog.ReplicaWatermark;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.history.History;
import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.ItemSize;
import io.shaledb.core.op.ConsumedCapacity;
import io.shaledb.core.op.Database;
import io.shaledb.core.op.RequestContext;
import io.shaledb.core.replication.ItemStamps;
import io.shaledb.core.replication.ReplicatedChange;
import io.shaledb.core.replication.ReplicationStamp;
import io.shaledb.core.schema.Replication;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.Transaction;
import io.shaledb.core.write.Transactions.Committed;
import io.shaledb.core.write.Transactions.Staged;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The one path of every item write. Inside one storage transaction, redone from fresh reads on a conflict: read each
 * item, test each condition, apply each change, check sizes, then stage each new item with its index entries,
 * item-collection size and stream record; once committed, count statistics and charge capacity to the request.
 *
 * <p>Three flavours differ only in how a failure is reported and what is charged: a single-item write fails with
 * ConditionalCheckFailedException, charged the write units of the item it found; a batch has no conditions; a
 * transaction evaluates every action first and fails with TransactionCanceledException and one reason per action,
 * and is charged twice, as DynamoDB charges transactions.
 */
public final class WritePipeline {
  static final String CONDITION_FAILED = "The conditional request failed";

  private enum Flavour {
    SINGLE,
    BATCH,
    TRANSACTION
  }

  private final Database db;
  private final Transactions transactions;
  private final ItemConsensus consensus;

  /** A pipeline that writes no table of multi-region strong consistency (time to live, restores). */
  public WritePipeline(Database db) {
    this(db, ItemConsensus.NONE);
  }

  /** @param consensus how items of tables of multi-region strong consistency are written */
  public WritePipeline(Database db, ItemConsensus consensus) {
    this.db = db;
    this.transactions = new Transactions(db.storage(), db.statistics());
    this.consensus = consensus;
  }

  public Transactions transactions() {
    return transactions;
  }

  /**
   * How this pipeline writes the items of tables of multi-region strong consistency: the operations that also read
   * such items by their key (PartiQL's) read them strongly through the same consensus.
   */
  public ItemConsensus consensus() {
    return consensus;
  }

  /**
   * PutItem, UpdateItem, DeleteItem.
   *
   * @throws DynamoException ConditionalCheckFailedException, with the item as it was when the write asked for it
   */
  public WriteOutcome write(RequestContext context, ItemWrite write) {
    return run(context, List.of(write), Flavour.SINGLE, null).getFirst();
  }

  /**
   * BatchWriteItem: unconditional writes of distinct items, committed together: one commit, and on a durable engine
   * one log write, for the whole batch.
   */
  public List<WriteOutcome> writeBatch(RequestContext context, List<ItemWrite> writes) {
    return run(context, writes, Flavour.BATCH, null);
  }

  /**
   * TransactWriteItems: every condition and change is evaluated before anything is staged; all actions commit or
   * none. Returns no outcomes when {@code guard} finds the request already applied.
   *
   * @throws DynamoException TransactionCanceledException with a reason per action
   */
  public List<WriteOutcome> transact(RequestContext context, List<ItemWrite> writes, @Nullable WriteGuard guard) {
    return run(context, writes, Flavour.TRANSACTION, guard);
  }

  /**
   * Deletes an item on the database's own account (time to live): if {@code stillDue} holds for the table, as this
   * transaction reads it, and the item, the item goes as any deletion would, its stream record marked as made by the
   * service. The table's name and keyspace must both still match.
   *
   * @return whether the item was deleted
   */
  public boolean deleteAsService(TableMetadata table, byte[] key,
      BiPredicate<TableMetadata, Map<String, AttributeValue>> stillDue) {
    return transactions.run(RequestContext.service(db.clock()), tx -> {
      TableMetadata current = db.catalog().current(tx, table.name(), table.keyspace()).orElse(null);
      byte[] stored = current == null ? null : tx.get(key);
      Map<String, AttributeValue> item = stored == null ? null : ItemCodec.decode(stored);
      if (current == null || item == null || !stillDue.test(current, item)) {
        return Committed.nothing(false);
      }
      List<Staged> changes = new ArrayList<>();
      stage(tx, current, key, stored, item, null, -1, true, db.clock().millis(), changes, null);
      return new Committed<>(true, changes);
    });
  }

  /**
   * Stages items copied into a table being restored, in one transaction with {@code alongside} (where the restore
   * resumes): each item with its index entries, item collection and statistics, as any put. A restored table has no
   * stream and no time to live until its restore completes, so the copy writes no stream records and nothing
   * expires meanwhile. Nothing is written unless the table of that name and keyspace is still being restored.
   *
   * @return whether the items were staged
   */
  public boolean restore(TableMetadata table, List<SourceItem> items, Consumer<Transaction> alongside) {
    return transactions.run(RequestContext.service(db.clock()), tx -> {
      TableMetadata current = db.catalog().current(tx, table.name(), table.keyspace())
          .filter(TableMetadata::restoring).orElse(null);
      if (current == null) {
        return Committed.nothing(false);
      }
      List<Staged> changes = new ArrayList<>();
      for (SourceItem item : items) {
        byte[] key = ByteBuffer.allocate(KeyCodec.KEYSPACE_BYTES + item.key().length).putInt(current.keyspace())
            .put(item.key()).array();
        byte[] stored = tx.get(key);
        stage(tx, current, key, stored, stored == null ? null : ItemCodec.decode(stored), item.item(),
            ItemSize.of(item.item()), true, db.clock().millis(), changes, null);
      }
      alongside.accept(tx);
      return new Committed<>(true, changes);
    });
  }

  /**
   * A single-item write whose condition failed, on its way out of the storage transaction, which must not charge
   * capacity itself since a body may run more than once. DynamoDB still consumes write capacity from the table for
   * it: the existing item's size in write units, one for an item that does not exist, and nothing for the indexes,
   * which the write never reaches (developer guide, "Capacity units consumed by conditional writes"). The error
   * response reports none of it.
   */
  private static final class ConditionFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final DynamoException error;
    private final double writeUnits;

    ConditionFailed(DynamoException error, double writeUnits) {
      super(null, null, false, false);
      this.error = error;
      this.writeUnits = writeUnits;
    }
  }

  /**
   * One item as the transaction read it and what the write makes of it.
   *
   * @param nextSize the new item's size, -1 when there is none
   */
  private record Step(ItemWrite write, byte @Nullable [] stored, @Nullable Map<String, AttributeValue> previous,
      @Nullable Map<String, AttributeValue> next, long nextSize) {}

  /**
   * What staging one item produced.
   *
   * @param itemCollectionBytes the item collection's size after the write, -1 for a table without local indexes
   * @param chargedBytes the larger of the item's sizes before and after, which DynamoDB charges the write on
   */
  private record Staging(long itemCollectionBytes, long chargedBytes) {}

  /** @param writes of distinct items: every step reads its item as it was before the transaction */
  private List<WriteOutcome> run(RequestContext context, List<ItemWrite> writes, Flavour flavour,
      @Nullable WriteGuard guard) {
    if (writes.size() > 1 && writes.stream().map(w -> ByteBuffer.wrap(w.key())).distinct().count() < writes.size()) {
      throw new IllegalArgumentException("a write request names an item twice; its operation rejects that first");
    }
    admit(context, writes, flavour);
    List<WriteOutcome> outcomes;
    try {
      outcomes = flavour != Flavour.TRANSACTION && anyChosenByConsensus(writes) ? choose(context, writes, flavour)
          : stageTogether(context, writes, flavour, guard);
    } catch (ConditionFailed failed) {
      context.capacity().refusedWrite(writes.getFirst().table().name(), failed.writeUnits);
      throw failed.error;
    }
    if (writes.getFirst().table().options().replication().isPresent()) {
      // The replicator sends the change now rather than at its next pass; wakes that come while it works merge.
      db.background().wake(Service.REPLICATION);
    }
    for (int i = 0; i < outcomes.size(); i++) {
      String table = writes.get(i).table().name();
      // A transaction's actions were each admitted by their item's partition, which they are charged to; a single
      // write's meter knows its item already, and a batch charges its items' partitions as it admits them.
      byte[] partitionKey = flavour == Flavour.TRANSACTION ? writes.get(i).key() : null;
      context.capacity().item(table, partitionKey, access(writes.get(i)), outcomes.get(i).capacityUnits());
      if (!writes.get(i).checkOnly()) {
        for (IndexWriteUnits.Charge index : outcomes.get(i).indexCharges()) {
          if (index.local()) {
            context.capacity().index(table, index.index(), true, Access.WRITE, index.units());
          } else {
            context.capacity().globalIndexEntry(table, index.index(), index.keyHash(), index.units());
          }
        }
      }
    }
    return outcomes;
  }

  /** Stages the writes in one storage transaction, redone from fresh reads when it loses a conflict. */
  private List<WriteOutcome> stageTogether(RequestContext context, List<ItemWrite> writes, Flavour flavour,
      @Nullable WriteGuard guard) {
    return transactions.run(context, tx -> {
      if (guard != null && guard.alreadyApplied(tx)) {
        return Committed.nothing(List.of());
      }
      List<Step> steps = evaluate(tx::get, writes, flavour);
      // Read in the transaction, after its reads: a commit that lost a conflict to another change of the same item
      // runs again with a time no earlier than that change's, so an item's history is in commit order.
      long changeMillis = context.clock().millis();
      List<Staged> changes = new ArrayList<>();
      Map<String, TableMetadata> tables = new HashMap<>();
      List<WriteOutcome> staged = new ArrayList<>(steps.size());
      for (Step step : steps) {
        staged.add(stage(tx, tables, step, flavour, changeMillis, changes));
      }
      admitIndexEntries(context, tables, writes, staged, flavour);
      if (guard != null) {
        guard.record(tx);
      }
      return new Committed<>(staged, changes);
    });
  }

  private static boolean anyChosenByConsensus(List<ItemWrite> writes) {
    for (ItemWrite write : writes) {
      if (ItemConsensus.covers(write.table())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Writes of a request that touches a table of multi-region strong consistency: each of its items is chosen by its
   * regions' consensus on its own (a batch's other items each in a transaction of their own, as a batch promises no
   * atomicity), its condition and change evaluated on the item's latest chosen value, and committed in every region
   * through {@link #stageChosen} (indexes, stream record, history).
   */
  private List<WriteOutcome> choose(RequestContext context, List<ItemWrite> writes, Flavour flavour) {
    List<WriteOutcome> outcomes = new ArrayList<>(writes.size());
    for (ItemWrite write : writes) {
      outcomes.add(ItemConsensus.covers(write.table()) ? chooseOne(context, write, flavour)
          : stageTogether(context, List.of(write), flavour, null).getFirst());
    }
    return outcomes;
  }

  /**
   * One item chosen by its regions' consensus. Its new value is checked as the local path checks it in its
   * transaction, before anything is proposed: index keys, and a single write's global index entries against their
   * index partitions' capacity ({@link #admitIndexEntries}; a batch's were admitted by its operation).
   */
  private WriteOutcome chooseOne(RequestContext context, ItemWrite write, Flavour flavour) {
    TableMetadata table = write.table();
    ItemConsensus.Chosen chosen = consensus.write(table, write.key(), stored -> {
      Step step = evaluate(key -> stored, List.of(write), flavour).getFirst();
      Map<String, AttributeValue> next = step.next();
      if (next != null) {
        IndexEntries.check(table, next);
      }
      if (flavour == Flavour.SINGLE) {
        DynamoException refused = indexKeyRefusal(context, () -> table,
            IndexWriteUnits.of(table, step.previous(), next, 1));
        if (refused != null) {
          throw refused;
        }
      }
      return next == null ? null : ItemCodec.encode(next, step.nextSize());
    });
    byte[] previous = chosen.previous();
    byte[] current = chosen.current();
    Map<String, AttributeValue> before = previous == null ? null : ItemCodec.decode(previous);
    Map<String, AttributeValue> after = current == null ? null : ItemCodec.decode(current);
    long charged = Math.max(previous == null ? 0 : ItemCodec.itemSize(previous),
        current == null ? 0 : ItemCodec.itemSize(current));
    // Such a table has no local secondary index, so no item collection to report.
    return new WriteOutcome(before, after, -1, ConsumedCapacity.writeUnits(charged),
        IndexWriteUnits.of(table, before, after, 1));
  }

  /**
   * Admits the writes to their tables' capacity before any work. A batch is admitted by its operation, which leaves
   * what its tables cannot take unprocessed rather than failing.
   */
  private static void admit(RequestContext context, List<ItemWrite> writes, Flavour flavour) {
    switch (flavour) {
      case SINGLE -> context.capacity().admitItem(writes.getFirst().table(), writes.getFirst().key(),
          access(writes.getFirst()));
      case BATCH -> { }
      case TRANSACTION -> TransactionAdmission.admitOrCancel(context,
          writes.stream().map(ItemWrite::table).toList(), writes.stream().map(ItemWrite::key).toList(),
          writes.stream().map(WritePipeline::access).toList());
    }
  }

  /**
   * Refuses writes whose entries fall on a global index's partition without write capacity, now that the entries are
   * known, as DynamoDB throttles a table's writes that its global indexes cannot take: a single write fails with the
   * throttling error, a transaction is cancelled with it as the reason of each action refused. A batch's items were
   * admitted by their operation, their puts' entries against the index partitions too, before any was written.
   */
  private static void admitIndexEntries(RequestContext context, Map<String, TableMetadata> tables,
      List<ItemWrite> writes, List<WriteOutcome> staged, Flavour flavour) {
    if (flavour == Flavour.BATCH) {
      return;
    }
    List<CancellationReason> reasons = new ArrayList<>(flavour == Flavour.TRANSACTION ? staged.size() : 0);
    boolean throttled = false;
    for (int i = 0; i < staged.size(); i++) {
      String name = writes.get(i).table().name();
      DynamoException refused = indexKeyRefusal(context,
          () -> Objects.requireNonNull(tables.get(name), "a table with index charges was staged"),
          staged.get(i).indexCharges());
      if (refused != null && flavour == Flavour.SINGLE) {
        throw refused;
      }
      throttled |= refused != null;
      if (flavour == Flavour.TRANSACTION) {
        reasons.add(CancellationReason.throttledOrNone(refused));
      }
    }
    if (throttled) {
      throw CancellationReason.cancel(reasons);
    }
  }

  /** The throttling error of the first global index entry among {@code charges} whose partition cannot take it. */
  private static @Nullable DynamoException indexKeyRefusal(RequestContext context, Supplier<TableMetadata> tableOf,
      List<IndexWriteUnits.Charge> charges) {
    for (IndexWriteUnits.Charge charge : charges) {
      if (!charge.local()) {
        TableMetadata table = tableOf.get();
        DynamoException refused = context.capacity().indexKeyRefusal(table,
            Objects.requireNonNull(table.index(charge.index()), "a charged index is the table's"), charge.keyHash());
        if (refused != null) {
          return refused;
        }
      }
    }
    return null;
  }

  private static Access access(ItemWrite write) {
    return write.checkOnly() ? Access.READ : Access.WRITE;
  }

  /** Where {@link #evaluate} reads the items: the write's transaction, or the value the consensus chose last. */
  @FunctionalInterface
  private interface ItemReader {
    byte @Nullable [] get(byte[] key);
  }

  /** Reads every item, tests every condition and applies every change, reporting failures as the flavour does. */
  private static List<Step> evaluate(ItemReader items, List<ItemWrite> writes, Flavour flavour) {
    List<Step> steps = new ArrayList<>(writes.size());
    List<CancellationReason> reasons = new ArrayList<>(flavour == Flavour.TRANSACTION ? writes.size() : 0);
    boolean conditionFailed = false;
    for (ItemWrite write : writes) {
      byte[] stored = items.get(write.key());
      Map<String, AttributeValue> previous = stored == null ? null : ItemCodec.decode(stored);
      boolean holds = write.condition().holds(previous);
      Map<String, AttributeValue> itemOnFailure = write.condition().returnOldOnFailure() ? previous : null;
      if (!holds && flavour != Flavour.TRANSACTION) {
        throw new ConditionFailed(new DynamoException(ErrorCode.CONDITIONAL_CHECK_FAILED, CONDITION_FAILED,
            itemOnFailure != null ? Map.of("Item", itemOnFailure) : Map.of()),
            ConsumedCapacity.writeUnits(stored == null ? 0 : ItemCodec.itemSize(stored)));
      }
      conditionFailed |= !holds;
      reasons.add(holds ? CancellationReason.NONE
          : new CancellationReason("ConditionalCheckFailed", CONDITION_FAILED, itemOnFailure));
      steps.add(new Step(write, stored, previous, previous, -1));
    }
    if (conditionFailed) {
      throw CancellationReason.cancel(reasons);
    }
    return applyChanges(steps, flavour);
  }

  /**
   * Applies each change and checks the items' sizes. A change that cannot apply to its item is refused as it would
   * be outside a transaction; in a transaction, an item that grows past the limit cancels the transaction with a
   * ValidationError in its place, as DynamoDB documents for changes made by a transaction.
   */
  private static List<Step> applyChanges(List<Step> steps, Flavour flavour) {
    List<Step> applied = new ArrayList<>(steps.size());
    List<CancellationReason> reasons = new ArrayList<>(flavour == Flavour.TRANSACTION ? steps.size() : 0);
    boolean failed = false;
    long aggregate = 0;
    for (Step step : steps) {
      ItemChange change = step.write().change();
      Map<String, AttributeValue> next = change == null ? step.previous() : change.apply(step.previous());
      try {
        long size = next == null || step.write().checkOnly() ? -1 : ItemLimits.checkSize(next);
        aggregate += Math.max(0, size);
        applied.add(new Step(step.write(), step.stored(), step.previous(), next, size));
        reasons.add(CancellationReason.NONE);
      } catch (DynamoException e) {
        if (flavour != Flavour.TRANSACTION) {
          throw e;
        }
        failed = true;
        applied.add(step);
        reasons.add(CancellationReason.validationError(e.getMessage()));
      }
    }
    if (failed) {
      throw CancellationReason.cancel(reasons);
    }
    if (flavour == Flavour.TRANSACTION) {
      ItemLimits.checkTransactionSize(aggregate);
    }
    return applied;
  }

  /** Stages one step's item, charging what DynamoDB charges for it. */
  private WriteOutcome stage(Transaction tx, Map<String, TableMetadata> tables, Step step, Flavour flavour,
      long changeMillis, List<Staged> changes) {
    int factor = flavour == Flavour.TRANSACTION ? 2 : 1;
    if (step.write().checkOnly()) {
      byte[] stored = step.stored();
      long size = stored == null ? 0 : ItemCodec.itemSize(stored);
      return new WriteOutcome(step.previous(), step.previous(), -1,
          factor * ConsumedCapacity.readUnits(size, true), List.of());
    }
    TableMetadata table = tables.computeIfAbsent(step.write().table().name(), name -> db.catalog().current(tx, name));
    Staging staging = stage(tx, table, step.write().key(), step.stored(), step.previous(), step.next(),
        step.nextSize(), false, changeMillis, changes, null);
    return new WriteOutcome(step.previous(), step.next(), staging.itemCollectionBytes(),
        factor * ConsumedCapacity.writeUnits(staging.chargedBytes()),
        IndexWriteUnits.of(table, step.previous(), step.next(), factor));
  }

  /**
   * Stages the new version of one item (null deletes it), of size {@code newSize} (checked), and of its index
   * entries, item collection, stream record, replication stamp and, with point-in-time recovery, its previous version
   * as of {@code changeMillis}.
   *
   * @param replicated the stamp of a change another region made, or null for a change made here
   */
  private Staging stage(Transaction tx, TableMetadata table, byte[] key, byte @Nullable [] stored,
      @Nullable Map<String, AttributeValue> previous, @Nullable Map<String, AttributeValue> current, long newSize,
      boolean byService, long changeMillis, List<Staged> changes, @Nullable ReplicationStamp replicated) {
    if (current != null) {
      IndexEntries.check(table, current);
      tx.put(key, ItemCodec.encode(current, newSize));
    } else if (stored != null) {
      tx.delete(key);
    }
    long oldSize = stored == null ? -1 : ItemCodec.itemSize(stored);
    changes.add(new Staged(table.keyspace(), oldSize, newSize));
    IndexEntries.stage(tx, table, previous, current, changes);
    long collection = previous == null && current == null ? -1
        : ItemCollections.update(tx, table, previous, current, db.itemCollectionLimitBytes());
    Replication replication = table.options().replication().orElse(null);
    ReplicationStamp stamp = replication == null ? null
        : stamp(tx, replication, key, stored, previous, current, changeMillis, replicated);
    db.streams().append(tx, table, previous, current, byService, stamp);
    if (previous != null || current != null) {
      History.record(tx, table, key, stored, previous, current, changeMillis);
    }
    return new Staging(collection, Math.max(0, Math.max(oldSize, newSize)));
  }

  /**
   * Writes the item's replication stamp: a peer's as it came, or for a change made here the next stamp after the
   * item's. A local write that changes nothing leaves the stamp as it was (and writes no stream record), so it has
   * nothing to replicate and no region's copy of the item is outranked by a change that did not happen.
   *
   * @return the stamp written, or null when none was
   */
  private @Nullable ReplicationStamp stamp(Transaction tx, Replication replication, byte[] key,
      byte @Nullable [] stored, @Nullable Map<String, AttributeValue> previous,
      @Nullable Map<String, AttributeValue> current, long changeMillis, @Nullable ReplicationStamp replicated) {
    ReplicationStamp stamp = replicated;
    if (stamp == null) {
      if (previous == null ? current == null : previous.equals(current)) {
        return null;
      }
      stamp = ReplicationStamp.local(changeMillis, db.region(),
          ItemStamps.effective(tx, replication, key, stored != null, db.region()));
    }
    ItemStamps.write(tx, replication, key, stamp);
    return stamp;
  }

  /**
   * Stages, in a consensus acceptor's transaction, the value chosen for an item of a table of multi-region strong
   * consistency, stamped with its ballot: staged as any write is (indexes, item collections, the stream with the
   * ballot as the change's stamp, history), charged to nobody. The caller checked it is newer than the item's.
   *
   * @param item the item chosen, or null for its deletion
   */
  public void stageChosen(Transaction tx, TableMetadata table, byte[] key, @Nullable Map<String, AttributeValue> item,
      ReplicationStamp ballot, List<Staged> staged) {
    byte[] stored = tx.get(key);
    stage(tx, table, key, stored, stored == null ? null : ItemCodec.decode(stored), item,
        item == null ? -1 : ItemSize.of(item), false, db.clock().millis(), staged, ballot);
  }

  /**
   * Applies changes {@code sourceRegion} made to {@code table}, each only if its stamp is later than the item's (its
   * stored stamp, or the start of replication for an item written before), in one transaction: a change sent twice,
   * or one older than what the item already holds, changes nothing. Each change is staged as any write is (indexes,
   * item collections, the stream with the change's stamp, so it is not sent on) and charged to nobody. The region's
   * low watermark, when it sent one, is recorded in the same transaction.
   *
   * @param keys each change's storage key in {@code table}
   * @return how many changes were applied, or -1 when {@code table} is gone or {@code sourceRegion} is not one of
   *     its replicas any more
   */
  public int applyReplicated(TableMetadata table, String sourceRegion, List<byte[]> keys,
      List<ReplicatedChange> changes, OptionalLong lowWatermark) {
    return transactions.run(RequestContext.service(db.clock()), tx -> {
      TableMetadata current = db.catalog().current(tx, table.name(), table.keyspace()).orElse(null);
      Replication replication = current == null ? null : current.options().replication().orElse(null);
      if (current == null || replication == null || replication.replica(sourceRegion).isEmpty()) {
        return Committed.nothing(-1);
      }
      if (lowWatermark.isPresent()) {
        ReplicaWatermark.raise(tx, current.keyspace(), sourceRegion, lowWatermark.getAsLong());
      }
      long changeMillis = db.clock().millis();
      List<Staged> staged = new ArrayList<>();
      int applied = 0;
      for (int i = 0; i < changes.size(); i++) {
        byte[] key = keys.get(i);
        ReplicatedChange change = changes.get(i);
        byte[] stored = tx.get(key);
        ReplicationStamp held = ItemStamps.effective(tx, replication, key, stored != null, db.region());
        if (held == null ? reclaimedBefore(tx, current, replication, change.stamp())
            : !change.stamp().isAfter(held)) {
          continue;
        }
        Map<String, AttributeValue> item = change.item();
        stage(tx, current, key, stored, stored == null ? null : ItemCodec.decode(stored), item,
            item == null ? -1 : ItemSize.of(item), change.byService(), changeMillis, staged, change.stamp());
        applied++;
      }
      return new Committed<>(applied, staged);
    });
  }

  /**
   * Whether a change of a key that holds no stamp is older than a tombstone of it may have been: its stamp is before
   * the watermark its region reported here, less the horizon, so every region acknowledged it long ago and this one
   * has held a stamp of the key at least that late since. With no stamp left, that was a tombstone since reclaimed
   * ({@link io.shaledb.core.replication.TombstoneReclamation}), and the change is a duplicate that came late (a call
   * replayed, or delayed beyond the horizon): applying it would bring back a deleted item.
   *
   * <p>Never for a table of multi-region strong consistency: its tombstones are never reclaimed, so a key without a
   * stamp never had one, and its changes may come long after their stamp: a value chosen by the consensus that its
   * writer region missed reaches it, and through it the others, from whichever region committed it.
   */
  private boolean reclaimedBefore(Transaction tx, TableMetadata table, Replication replication,
      ReplicationStamp stamp) {
    if (replication.strong()) {
      return false;
    }
    OptionalLong watermark = ReplicaWatermark.read(tx, table.keyspace(), stamp.region());
    return watermark.isPresent()
        && stamp.millis() < watermark.getAsLong() - db.tombstones().horizon().toMillis();
  }
}
