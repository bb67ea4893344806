package io.shaledb.it.jepsen;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether one register's history is linearizable: whether its operations can be put in one order, each at an
 * instant between its invocation and its completion, in which every read sees the latest write and every
 * compare-and-set succeeds exactly when the register held its expected value.
 *
 * <p>The search is Wing and Gong's, with Lowe's cache of the configurations already explored (the algorithm of
 * Knossos's {@code linear} checker and of Porcupine): walk the invocations and completions in time order; at an
 * invocation, try to place the operation next; at a completion of an operation not yet placed, go back and try another
 * order. A configuration is the set of operations placed and the register's value, and the cache keeps the search from
 * exploring one twice, which is what keeps histories of a few hundred concurrent operations to milliseconds.
 *
 * <p>An {@link Outcome#UNKNOWN} operation completes at infinity, so it may be placed at any point after its invocation;
 * placing it last, after every other operation, is how the search expresses that it never took effect. Refused
 * compare-and-sets are placed like reads: the register did not hold their expected value. Failed operations and reads
 * that got no answer tell nothing and are left out.
 */
public final class LinearizableRegister {
  private static final int ABSENT = Integer.MIN_VALUE;
  private static final long NOT_ALLOWED = Long.MIN_VALUE;
  /** Ops shown around the operation no order could place, in a report. */
  private static final int EXCERPT = 8;

  private LinearizableRegister() {}

  /** What the search concluded. */
  public sealed interface Verdict {}

  /** Some order explains every operation. */
  public record Linearizable(int operations, int configurations) implements Verdict {}

  /**
   * No order explains the history: however the search ordered the operations, it could not place {@code blocked}
   * before its completion.
   *
   * @param blocked the operation the deepest attempt could not place
   * @param valueThen the register's value in that attempt when {@code blocked} completed (null: absent)
   * @param placed the last operations that attempt had placed, in its order
   * @param concurrent the operations that overlapped {@code blocked} in time
   */
  public record NotLinearizable(Timed<RegisterOp> blocked, @Nullable Integer valueThen,
      List<Timed<RegisterOp>> placed, List<Timed<RegisterOp>> concurrent) implements Verdict {
    /** The finding as report lines, times from {@code origin}. */
    public String describe(long origin) {
      StringBuilder text = new StringBuilder("cannot place ").append(blocked.describe(origin))
          .append("; the register then held ").append(valueThen).append(" after:");
      placed.forEach(op -> text.append(System.lineSeparator()).append("    ").append(op.describe(origin)));
      text.append(System.lineSeparator()).append("  concurrent with it:");
      concurrent.forEach(op -> text.append(System.lineSeparator()).append("    ").append(op.describe(origin)));
      return text.toString();
    }
  }

  /** The search gave up after exploring {@code configurations}: the history is too large or too concurrent. */
  public record Inconclusive(int operations, int configurations) implements Verdict {}

  /**
   * Checks {@code history}, starting from an absent register, exploring at most {@code maxConfigurations} in each of
   * its searches.
   *
   * <p>Each indeterminate write doubles the orders to explore, and under a partition or a kill most writes through
   * the cut-off node end indeterminate without having taken effect (a run with 163 of them left the search undecided
   * after a million configurations). So the history is searched first without the indeterminate writes whose value
   * nothing observed: an order found for the rest is an order of the whole in which those never took effect, which
   * an indeterminate operation may do. Only when that finds none is the whole history searched.
   */
  public static Verdict check(List<Timed<RegisterOp>> history, int maxConfigurations) {
    List<Timed<RegisterOp>> ops = history.stream().filter(LinearizableRegister::informative).toList();
    List<Timed<RegisterOp>> withoutUnseen = withoutUnseenUnknownWrites(ops);
    if (withoutUnseen.size() < ops.size()
        && search(withoutUnseen, maxConfigurations) instanceof Linearizable linearizable) {
      return linearizable;
    }
    return search(ops, maxConfigurations);
  }

  /** {@code ops} less the indeterminate writes whose value no acknowledged read or compare-and-set observed. */
  private static List<Timed<RegisterOp>> withoutUnseenUnknownWrites(List<Timed<RegisterOp>> ops) {
    Set<Integer> seen = new HashSet<>();
    for (Timed<RegisterOp> op : ops) {
      if (op.outcome() == Outcome.OK) {
        switch (op.operation()) {
          case RegisterOp.Read read -> seen.add(encode(read.observed()));
          case RegisterOp.Cas cas -> seen.add(encode(cas.expected()));
          case RegisterOp.Write write -> { }
        }
      }
    }
    return ops.stream().filter(op -> op.outcome() != Outcome.UNKNOWN || seen.contains(written(op.operation())))
        .toList();
  }

  private static int written(RegisterOp op) {
    return switch (op) {
      case RegisterOp.Read read -> throw new IllegalArgumentException("a read writes nothing: " + op);
      case RegisterOp.Write write -> write.value();
      case RegisterOp.Cas cas -> cas.value();
    };
  }

  /** The Wing and Gong search over {@code ops}, which hold only operations that tell something. */
  private static Verdict search(List<Timed<RegisterOp>> ops, int maxConfigurations) {
    Entry head = entries(ops);
    Set<Configuration> explored = new HashSet<>();
    Deque<Placed> stack = new ArrayDeque<>();
    BitSet linearized = new BitSet(ops.size());
    int value = ABSENT;
    Deepest deepest = null;
    Entry entry = head.next;
    while (head.next != null) {
      if (entry == null) {
        throw new IllegalStateException("a completion always follows its invocation");
      }
      if (entry.call) {
        long next = step(value, ops.get(entry.id));
        if (next != NOT_ALLOWED) {
          linearized.set(entry.id);
          if (explored.add(new Configuration((BitSet) linearized.clone(), (int) next))) {
            if (explored.size() > maxConfigurations) {
              return new Inconclusive(ops.size(), explored.size());
            }
            stack.push(new Placed(entry, value));
            value = (int) next;
            entry.lift();
            entry = head.next;
            continue;
          }
          linearized.clear(entry.id);
        }
        entry = entry.next;
      } else {
        if (deepest == null || stack.size() > deepest.depth) {
          deepest = new Deepest(stack.size(), entry.id, value, stack.stream().limit(EXCERPT)
              .map(p -> ops.get(p.entry.id)).toList().reversed());
        }
        if (stack.isEmpty()) {
          return notLinearizable(ops, deepest);
        }
        Placed top = stack.pop();
        value = top.valueBefore;
        linearized.clear(top.entry.id);
        top.entry.unlift();
        entry = top.entry.next;
      }
    }
    return new Linearizable(ops.size(), explored.size());
  }

  private static boolean informative(Timed<RegisterOp> op) {
    return switch (op.outcome()) {
      case OK -> true;
      case REFUSED -> op.operation() instanceof RegisterOp.Cas;
      case FAILED -> false;
      case UNKNOWN -> !(op.operation() instanceof RegisterOp.Read);
    };
  }

  /** The register's value after {@code op} from {@code value}, or {@link #NOT_ALLOWED} if it cannot happen there. */
  private static long step(int value, Timed<RegisterOp> op) {
    return switch (op.operation()) {
      case RegisterOp.Read read -> value == encode(read.observed()) ? value : NOT_ALLOWED;
      case RegisterOp.Write write -> write.value();
      case RegisterOp.Cas cas -> {
        boolean holds = value == encode(cas.expected());
        yield switch (op.outcome()) {
          case OK -> holds ? cas.value() : NOT_ALLOWED;
          case REFUSED -> holds ? NOT_ALLOWED : value;
          case UNKNOWN -> holds ? cas.value() : value;
          case FAILED -> throw new IllegalArgumentException("failed operations are left out: " + op);
        };
      }
    };
  }

  private static int encode(@Nullable Integer value) {
    return value == null ? ABSENT : value;
  }

  private static @Nullable Integer decode(int value) {
    return value == ABSENT ? null : value;
  }

  private static NotLinearizable notLinearizable(List<Timed<RegisterOp>> ops, Deepest deepest) {
    Timed<RegisterOp> blocked = ops.get(deepest.blockedId);
    List<Timed<RegisterOp>> concurrent = IntStream.range(0, ops.size()).filter(id -> id != deepest.blockedId)
        .mapToObj(ops::get).filter(op -> !op.precedes(blocked) && !blocked.precedes(op))
        .sorted(Comparator.comparingLong(Timed::invokedAt)).limit(EXCERPT).toList();
    return new NotLinearizable(blocked, decode(deepest.value), deepest.placed, concurrent);
  }

  /** The invocations and completions in time order, invocations first at equal times, after a head. */
  private static Entry entries(List<Timed<RegisterOp>> ops) {
    List<Entry> entries = new ArrayList<>();
    for (int id = 0; id < ops.size(); id++) {
      Entry call = new Entry(id, true, ops.get(id).invokedAt());
      Entry completion = new Entry(id, false, ops.get(id).completedAt());
      call.match = completion;
      entries.add(call);
      entries.add(completion);
    }
    entries.sort(Comparator.comparingLong((Entry e) -> e.time).thenComparing(e -> !e.call));
    Entry head = new Entry(-1, false, Long.MIN_VALUE);
    Entry previous = head;
    for (Entry e : entries) {
      previous.next = e;
      e.prev = previous;
      previous = e;
    }
    return head;
  }

  private record Configuration(BitSet linearized, int value) {}

  private record Placed(Entry entry, int valueBefore) {}

  private record Deepest(int depth, int blockedId, int value, List<Timed<RegisterOp>> placed) {}

  /** An invocation or a completion in the doubly linked list the search lifts placed operations out of. */
  private static final class Entry {
    final int id;
    final boolean call;
    final long time;
    @Nullable Entry match;
    @Nullable Entry prev;
    @Nullable Entry next;

    Entry(int id, boolean call, long time) {
      this.id = id;
      this.call = call;
      this.time = time;
    }

    /** Takes this invocation and its completion out of the list; their own links stay, for {@link #unlift}. */
    void lift() {
      Entry completion = Objects.requireNonNull(match);
      Objects.requireNonNull(prev).next = next;
      Objects.requireNonNull(next).prev = prev;
      Objects.requireNonNull(completion.prev).next = completion.next;
      if (completion.next != null) {
        completion.next.prev = completion.prev;
      }
    }

    /** Puts back what the latest {@link #lift} took out. */
    void unlift() {
      Entry completion = Objects.requireNonNull(match);
      Objects.requireNonNull(completion.prev).next = completion;
      if (completion.next != null) {
        completion.next.prev = completion;
      }
      Objects.requireNonNull(prev).next = this;
      Objects.requireNonNull(next).prev = this;
    }
  }
}
