package io.shaledb.core.op;

import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.validate.Choice;
import java.util.ArrayList;
import java.util.List;

/**
 * The capacity units one request consumed, by table, in the order the tables were first charged. Every operation
 * charges here, item by item for batches and transactions, once its reads are done or its writes committed;
 * ReturnConsumedCapacity is answered from it, and throttling and metrics read the same figures. A request runs on one
 * thread at a time, so the meter is not synchronized.
 */
public final class CapacityMeter {
  /** The units charged to one table. */
  public static final class Usage {
    private final String table;
    private double readUnits;
    private double writeUnits;

    private Usage(String table) {
      this.table = table;
    }

    public String table() {
      return table;
    }

    public double readUnits() {
      return readUnits;
    }

    public double writeUnits() {
      return writeUnits;
    }

    public double total() {
      return readUnits + writeUnits;
    }
  }

  /** Few entries (one for single-item operations), so a list searched in order beats a map. */
  private final List<Usage> usage = new ArrayList<>(1);

  public void read(String table, double units) {
    usage(table).readUnits += units;
  }

  public void write(String table, double units) {
    usage(table).writeUnits += units;
  }

  /** What each table was charged, in the order first charged. */
  public List<Usage> usage() {
    return List.copyOf(usage);
  }

  /** What to report for ReturnConsumedCapacity {@code mode}: one entry a table, none for NONE or absent. */
  public List<ConsumedCapacity> report(Choice<ReturnConsumedCapacity> mode) {
    ReturnConsumedCapacity asked = Choice.valueOr(mode, ReturnConsumedCapacity.NONE);
    if (asked == ReturnConsumedCapacity.NONE) {
      return List.of();
    }
    List<ConsumedCapacity> report = new ArrayList<>(usage.size());
    for (Usage table : usage) {
      report.add(new ConsumedCapacity(table.table(), table.total(), asked == ReturnConsumedCapacity.INDEXES));
    }
    return report;
  }

  /** The report of a single-table operation: its one entry, or null. */
  public ConsumedCapacity reportFor(Choice<ReturnConsumedCapacity> mode, String table) {
    ReturnConsumedCapacity asked = Choice.valueOr(mode, ReturnConsumedCapacity.NONE);
    return asked == ReturnConsumedCapacity.NONE ? null
        : new ConsumedCapacity(table, usage(table).total(), asked == ReturnConsumedCapacity.INDEXES);
  }

  private Usage usage(String table) {
    for (Usage existing : usage) {
      if (existing.table.equals(table)) {
        return existing;
      }
    }
    Usage added = new Usage(table);
    usage.add(added);
    return added;
  }
}
