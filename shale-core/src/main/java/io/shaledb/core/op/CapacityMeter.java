package io.shaledb.core.op;

import io.shaledb.core.api.ReturnConsumedCapacity;
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
 * throttling and metrics read the same figures. A request runs on one thread at a time, so the meter is not
 * synchronized.
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

  public void read(String table, double units) {
    usage(table).readUnits += units;
  }

  public void write(String table, double units) {
    usage(table).writeUnits += units;
  }

  /** Charges {@code units} to an index of {@code table}, local or global. */
  public void index(String table, String index, boolean local, double units) {
    usage(table).chargeIndex(index, local, units);
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
