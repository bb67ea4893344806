package io.shaledb.core.op;

import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.capacity.Access;
import io.shaledb.core.capacity.BatchAdmission;
import io.shaledb.core.capacity.PageReads;
import io.shaledb.core.capacity.Throughput;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.schema.IndexMetadata;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.validate.Choice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The capacity units one request consumed, by table and, within a table, by the table itself and each of its
 * indexes, in the order they were first charged. Every operation charges here, item by item for batches and
 * transactions, once its reads are done or its writes committed; ReturnConsumedCapacity is answered from it, and
 * each charge is passed on to the {@link Throughput} that throttles, which also admits the request before it works
 * on a table ({@link #admit}). A request runs on one thread at a time, so the meter is not synchronized.
 */
public final class CapacityMeter {
  /** The units charged to one table: its own and its indexes'. */
  public static final class Usage {
    private final String table;
    private double readUnits;
    private double writeUnits;
    /** Created by the first charge to an index: most requests touch none. */
    private @Nullable Map<String, Double> localIndexes;
    private @Nullable Map<String, Double> globalIndexes;

    private Usage(String table) {
      this.table = table;
    }

    public String table() {
      return table;
    }

    /** The units read from the table itself. */
    public double readUnits() {
      return readUnits;
    }

    /** The units written to the table itself. */
    public double writeUnits() {
      return writeUnits;
    }

    /** The table's own units and every index's. */
    public double total() {
      return readUnits + writeUnits + sum(localIndexes) + sum(globalIndexes);
    }

    private void chargeIndex(String index, boolean local, double units) {
      if (local) {
        localIndexes = add(localIndexes, index, units);
      } else {
        globalIndexes = add(globalIndexes, index, units);
      }
    }

    private ConsumedCapacity.Shares shares() {
      return new ConsumedCapacity.Shares(readUnits + writeUnits, orEmpty(localIndexes), orEmpty(globalIndexes));
    }

    private static Map<String, Double> add(@Nullable Map<String, Double> indexes, String index, double units) {
      Map<String, Double> charged = indexes == null ? new LinkedHashMap<>() : indexes;
      charged.merge(index, units, Double::sum);
      return charged;
    }

    private static double sum(@Nullable Map<String, Double> indexes) {
      return indexes == null ? 0 : indexes.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static Map<String, Double> orEmpty(@Nullable Map<String, Double> indexes) {
      return indexes == null ? Map.of() : indexes;
    }
  }

  /**
   * The first table charged, and the others in the order first charged. Every request makes a meter and nearly all
   * charge one table, so the list is made only for a second; it is searched in order, as it stays short.
   */
  private @Nullable Usage first;
  private @Nullable List<Usage> others;
  /** Null for work that is never throttled: the database's own and requests made inside the process. */
  private final @Nullable Throughput throughput;
  private final CapacityListener listener;
  /** The table and partition-key hash of the one item the request was admitted to, if it was ({@link #admitItem}). */
  private @Nullable String itemTable;
  private int itemHash;

  /** A meter that only counts. */
  public CapacityMeter() {
    this(null);
  }

  /** A meter whose request is admitted and charged by {@code throughput}. */
  public CapacityMeter(@Nullable Throughput throughput) {
    this(throughput, CapacityListener.NONE);
  }

  /** A meter whose request is admitted and charged by {@code throughput}, each charge told to {@code listener}. */
  public CapacityMeter(@Nullable Throughput throughput, CapacityListener listener) {
    this.throughput = throughput;
    this.listener = listener;
  }

  /**
   * Admits the request to {@code access} the table, or its index.
   *
   * @throws DynamoException the throttling error when the table or index has no capacity now
   */
  public void admit(TableMetadata table, @Nullable IndexMetadata index, Access access) {
    if (throughput != null) {
      throughput.admit(table, index, access);
    }
  }

  /**
   * Admits the request to {@code access} the one item whose stored key is {@code key}: its table and its key range
   * must have capacity. The table's charges that follow are charged to the key range too.
   *
   * @throws DynamoException the throttling error when the table or the key range has no capacity now
   */
  public void admitItem(TableMetadata table, byte[] key, Access access) {
    if (throughput != null) {
      int hash = KeyCodec.partitionHash(key);
      throughput.admitKey(table, hash, access);
      itemTable = table.name();
      itemHash = hash;
    }
  }

  /**
   * Why the request would be refused if it went on to {@code access} the one item whose stored key is {@code key}, or
   * null; see {@link #admitItem}. For a transaction, which is cancelled rather than refused.
   */
  public @Nullable DynamoException refusalItem(TableMetadata table, byte[] key, Access access) {
    return throughput == null ? null : throughput.refusalKey(table, KeyCodec.partitionHash(key), access);
  }

  /**
   * Admits one page of a Query or Scan of the table, or of its index, whose keys start at {@code startKey} (a stored
   * key, or a bound of a range of them); see {@link Throughput#admitPage}.
   *
   * @return what the page read from each partition, to be charged to them; null when nothing is
   * @throws DynamoException the throttling error when the table, index or partition has no capacity now
   */
  public @Nullable PageReads admitPage(TableMetadata table, @Nullable IndexMetadata index, byte[] startKey,
      boolean consistent) {
    return throughput == null ? null : throughput.admitPage(table, index, KeyCodec.boundHash(startKey),
        bytes -> ConsumedCapacity.readUnits(bytes, consistent));
  }

  /** The admission of a batch's items on the table, item by item; see {@link BatchAdmission}. */
  public BatchAdmission batch(TableMetadata table, Access access) {
    return new BatchAdmission(throughput, table, access);
  }

  public void read(String table, double units) {
    usage(table).readUnits += units;
    charge(table, null, Access.READ, units);
  }

  /**
   * Charges {@code units} that {@code access} to one item consumed to its table and, when its stored {@code key} is
   * given, to the item's partition: a transaction's items, each admitted by its own partition, are charged to it as a
   * single item's are.
   */
  public void item(String table, byte @Nullable [] key, Access access, double units) {
    switch (access) {
      case READ -> usage(table).readUnits += units;
      case WRITE -> usage(table).writeUnits += units;
    }
    if (key == null) {
      charge(table, null, access, units);
      return;
    }
    listener.consumed(table, null, access, units);
    if (throughput != null) {
      throughput.consumedKey(table, KeyCodec.partitionHash(key), access, units);
    }
  }

  /**
   * Charges the table's throughput for a write refused on its condition, which DynamoDB charges, without counting it
   * in the request's usage: a refused single-item write reports no capacity, and BatchExecuteStatement reports its
   * refused statements by the rule the service's answers show.
   */
  public void refusedWrite(String table, double units) {
    charge(table, null, Access.WRITE, units);
  }

  /**
   * Charges {@code units} to an index of {@code table}, local or global. A local index's units count against its
   * table's capacity, as DynamoDB counts them; a global index has its own.
   */
  public void index(String table, String index, boolean local, Access access, double units) {
    usage(table).chargeIndex(index, local, units);
    charge(table, local ? null : index, access, units);
  }

  /**
   * Why writing an entry whose partition-key hash is {@code keyHash} to the global index would be refused now, or
   * null; see {@link Throughput#indexKeyRefusal}.
   */
  public @Nullable DynamoException indexKeyRefusal(TableMetadata table, IndexMetadata index, int keyHash) {
    return throughput == null ? null : throughput.indexKeyRefusal(table, index, keyHash);
  }

  /**
   * Charges {@code units} written to a global index of {@code table}, to the index and to the partition of the entry
   * whose partition-key hash is {@code keyHash}.
   */
  public void globalIndexEntry(String table, String index, int keyHash, double units) {
    usage(table).chargeIndex(index, false, units);
    listener.consumed(table, index, Access.WRITE, units);
    if (throughput != null) {
      throughput.consumedIndexKey(table, index, keyHash, units);
    }
  }

  private void charge(String table, @Nullable String globalIndex, Access access, double units) {
    listener.consumed(table, globalIndex, access, units);
    if (throughput == null) {
      return;
    }
    if (globalIndex == null && table.equals(itemTable)) {
      throughput.consumedKey(table, itemHash, access, units);
    } else {
      throughput.consumed(table, globalIndex, access, units);
    }
  }

  /** What each table was charged, in the order first charged. */
  public List<Usage> usage() {
    List<Usage> all = new ArrayList<>();
    if (first != null) {
      all.add(first);
    }
    if (others != null) {
      all.addAll(others);
    }
    return List.copyOf(all);
  }

  /** What to report for ReturnConsumedCapacity {@code mode}: one entry a table, none for NONE or absent. */
  public List<ConsumedCapacity> report(@Nullable Choice<ReturnConsumedCapacity> mode) {
    ReturnConsumedCapacity asked = Choice.valueOr(mode, ReturnConsumedCapacity.NONE);
    if (asked == ReturnConsumedCapacity.NONE) {
      return List.of();
    }
    List<ConsumedCapacity> report = new ArrayList<>();
    for (Usage table : usage()) {
      report.add(report(table, asked));
    }
    return report;
  }

  /** The report of a single-table operation: its one entry, or null. */
  public @Nullable ConsumedCapacity reportFor(@Nullable Choice<ReturnConsumedCapacity> mode, String table) {
    ReturnConsumedCapacity asked = Choice.valueOr(mode, ReturnConsumedCapacity.NONE);
    return asked == ReturnConsumedCapacity.NONE ? null : report(usage(table), asked);
  }

  private static ConsumedCapacity report(Usage table, ReturnConsumedCapacity asked) {
    return new ConsumedCapacity(table.table(), table.total(),
        asked == ReturnConsumedCapacity.INDEXES ? table.shares() : null);
  }

  private Usage usage(String table) {
    if (first == null) {
      first = new Usage(table);
      return first;
    }
    if (first.table.equals(table)) {
      return first;
    }
    if (others == null) {
      others = new ArrayList<>();
    }
    for (Usage existing : others) {
      if (existing.table.equals(table)) {
        return existing;
      }
    }
    Usage added = new Usage(table);
    others.add(added);
    return added;
  }
}
