package io.shaledb.core.storage.memory;

import io.shaledb.core.storage.KeyRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The memory engine's slots in key order, for ranges (point reads and commits use the engine's hash map).
 *
 * <p>Keys are grouped by keyspace (their first four bytes), and a keyspace's keys by the top bits of their next two
 * bytes, which for an item key are its partition-key hash: a keyspace is an array of leaves indexed by those bits,
 * doubled (one bit more) whenever its leaves average more than a target number of keys, up to 65,536 leaves. A leaf
 * is a sorted array, replaced whole on each change, or a concurrent skip list once it outgrows a limit (a large
 * partition, whose keys share their hash). Inserting a random key into a table of millions thus indexes an array and
 * copies a few dozen references, where one skip list of the whole table took some forty dependent cache misses.
 *
 * <p>Both groupings are prefixes of the key read as numbers (zero-padded), so they never decrease as keys increase:
 * walking keyspaces, then leaves, then each leaf in order walks the keys in order. Writers run under the engine's
 * commit lock; readers only read, and see each leaf as it was when they reached it. A keyspace that grows builds
 * new leaves and never changes the old ones, so a reader still walking them sees every key they held.
 *
 * <p>The engine only puts keys the index does not hold and removes keys it holds, which keeps the counts exact.
 */
final class OrderedIndex {
  private static final int HASH_BITS = 16;
  private static final int DEFAULT_LEAF_TARGET = 32;
  private static final int DEFAULT_SORTED_LIMIT = 256;

  private final int leafTarget;
  private final int sortedLimit;
  private final ConcurrentSkipListMap<Integer, Keyspace> keyspaces =
      new ConcurrentSkipListMap<>(Integer::compareUnsigned);

  OrderedIndex() {
    this(DEFAULT_LEAF_TARGET, DEFAULT_SORTED_LIMIT);
  }

  /** {@code leafTarget}: the average leaf size at which a keyspace doubles its leaves; {@code sortedLimit}: the
   * largest leaf kept as a sorted array. */
  OrderedIndex(int leafTarget, int sortedLimit) {
    this.leafTarget = leafTarget;
    this.sortedLimit = sortedLimit;
  }

  /** A key's first four bytes, zero-padded. */
  static int keyspaceOf(byte[] key) {
    return (int) prefix(key, 0, 4);
  }

  /** A key's fifth and sixth bytes, zero-padded: the bits that pick its leaf. */
  static int hashOf(byte[] key) {
    return (int) prefix(key, 4, 2);
  }

  private static long prefix(byte[] key, int from, int length) {
    long prefix = 0;
    for (int i = from; i < from + length; i++) {
      prefix = (prefix << 8) | (i < key.length ? key[i] & 0xFF : 0);
    }
    return prefix;
  }

  void put(Slot slot) {
    keyspaces.computeIfAbsent(keyspaceOf(slot.key), id -> new Keyspace()).put(slot);
  }

  void remove(byte[] key) {
    Integer id = keyspaceOf(key);
    Keyspace keyspace = keyspaces.get(id);
    if (keyspace != null && keyspace.remove(key)) {
      keyspaces.remove(id);
    }
  }

  /** Removes the first {@code limit} slots of {@code range}, handing each to {@code removed} first; how many. */
  int clear(KeyRange range, int limit, Consumer<Slot> removed) {
    Iterator<Slot> slots = range(range, false);
    int cleared = 0;
    while (cleared < limit && slots.hasNext()) {
      Slot slot = slots.next();
      removed.accept(slot);
      remove(slot.key);
      cleared++;
    }
    return cleared;
  }

  void clear() {
    keyspaces.clear();
  }

  /** The slots of {@code range} in key order, or in reverse; weakly consistent, as described above. */
  Iterator<Slot> range(KeyRange range, boolean reverse) {
    byte[] start = range.start();
    byte[] end = range.end();
    if (Arrays.compareUnsigned(start, end) >= 0) {
      return Collections.emptyIterator();
    }
    NavigableMap<Integer, Keyspace> covering = keyspaces.subMap(keyspaceOf(start), true, keyspaceOf(end), true);
    return new RangeIterator((reverse ? covering.descendingMap() : covering).entrySet().iterator(), start, end,
        reverse);
  }

  /** One keyspace's leaves; changed only under the engine's commit lock. */
  private final class Keyspace {
    private volatile Leaves leaves = new Leaves(0);
    private int size;

    void put(Slot slot) {
      Leaves current = leaves;
      int index = current.indexOf(slot.key);
      Leaf leaf = current.array.get(index);
      current.array.set(index, leaf == null ? SortedLeaf.of(new Slot[] {slot}) : leaf.with(slot, sortedLimit));
      size++;
      if (current.bits < HASH_BITS && size > leafTarget << current.bits) {
        leaves = current.split(sortedLimit);
      }
    }

    /** Removes a key the keyspace holds; true when the keyspace is then empty. */
    boolean remove(byte[] key) {
      Leaves current = leaves;
      int index = current.indexOf(key);
      Leaf leaf = current.array.get(index);
      if (leaf != null) {
        current.array.set(index, leaf.without(key));
      }
      return --size == 0;
    }
  }

  /** 2<sup>bits</sup> leaves, a null one empty. */
  private record Leaves(int bits, AtomicReferenceArray<Leaf> array) {
    Leaves(int bits) {
      this(bits, new AtomicReferenceArray<>(1 << bits));
    }

    int indexOf(byte[] key) {
      return hashOf(key) >>> (HASH_BITS - bits);
    }

    /**
     * Twice the leaves, each old leaf's keys divided by one more bit; the old leaves stay as they are. The keys of a
     * leaf whose next bit is set follow those whose bit is clear, so a sorted leaf is cut in two where its prefixes
     * (which begin with the hash bits) say, without reading a key.
     */
    Leaves split(int sortedLimit) {
      Leaves split = new Leaves(bits + 1);
      List<Slot> low = new ArrayList<>();
      List<Slot> high = new ArrayList<>();
      for (int i = 0; i < array.length(); i++) {
        int lowIndex = 2 * i;
        switch (array.get(i)) {
          case null -> { }
          case SortedLeaf sorted -> {
            int cut = sorted.firstAbove(split.bits, lowIndex);
            split.array.set(lowIndex, sorted.part(0, cut));
            split.array.set(lowIndex + 1, sorted.part(cut, sorted.slots.length));
          }
          case SkipLeaf skip -> {
            skip.slots.values().forEach(slot -> (split.indexOf(slot.key) == lowIndex ? low : high).add(slot));
            split.array.set(lowIndex, Leaf.of(low, sortedLimit));
            split.array.set(lowIndex + 1, Leaf.of(high, sortedLimit));
            low.clear();
            high.clear();
          }
        }
      }
      return split;
    }
  }

  /** The keys of one leaf, in order. */
  private sealed interface Leaf permits SortedLeaf, SkipLeaf {
    /** This leaf with a key it does not hold. */
    Leaf with(Slot slot, int sortedLimit);

    /** This leaf without a key, or null once empty. */
    @Nullable Leaf without(byte[] key);

    /**
     * The slots from {@code start} (inclusive) to {@code end} (exclusive), either null for no bound; a bound is a key
     * of the leaf's keyspace.
     */
    Iterator<Slot> range(byte @Nullable [] start, byte @Nullable [] end, boolean reverse);

    /** A leaf of slots in key order, or null for none. */
    static @Nullable Leaf of(List<Slot> slots, int sortedLimit) {
      if (slots.isEmpty()) {
        return null;
      }
      if (slots.size() <= sortedLimit) {
        return SortedLeaf.of(slots.toArray(Slot[]::new));
      }
      ConcurrentSkipListMap<byte[], Slot> map = new ConcurrentSkipListMap<>(Arrays::compareUnsigned);
      slots.forEach(slot -> map.put(slot.key, slot));
      return new SkipLeaf(map);
    }
  }

  /**
   * An immutable sorted array, cheap to copy while small, with each key's fifth to twelfth bytes beside it: a search
   * compares those numbers and reads a key only when they are equal, so it touches a few cache lines instead of
   * every key on its path.
   */
  private record SortedLeaf(Slot[] slots, long[] prefixes) implements Leaf {
    static SortedLeaf of(Slot[] slots) {
      long[] prefixes = new long[slots.length];
      for (int i = 0; i < slots.length; i++) {
        prefixes[i] = prefixOf(slots[i].key);
      }
      return new SortedLeaf(slots, prefixes);
    }

    /** A key's fifth to twelfth bytes, zero-padded, as an unsigned number; it begins with the key's hash bits. */
    static long prefixOf(byte[] key) {
      return prefix(key, 4, 8);
    }

    @Override
    public Leaf with(Slot slot, int sortedLimit) {
      int at = -1 - search(slot.key);
      Slot[] grown = spliced(slots, new Slot[slots.length + 1], at, true);
      grown[at] = slot;
      if (grown.length > sortedLimit) {
        return Objects.requireNonNull(Leaf.of(Arrays.asList(grown), sortedLimit)); // grown holds slots
      }
      long[] grownPrefixes = spliced(prefixes, new long[grown.length], at, true);
      grownPrefixes[at] = prefixOf(slot.key);
      return new SortedLeaf(grown, grownPrefixes);
    }

    @Override
    public @Nullable Leaf without(byte[] key) {
      int at = search(key);
      if (slots.length == 1) {
        return null;
      }
      return new SortedLeaf(spliced(slots, new Slot[slots.length - 1], at, false),
          spliced(prefixes, new long[slots.length - 1], at, false));
    }

    /**
     * Copies this leaf's {@code source} array (slots or prefixes) into {@code target} around index {@code at}: with
     * a free place there to insert into, or without the element there.
     */
    private <A> A spliced(A source, A target, int at, boolean insert) {
      int skipped = insert ? 0 : 1;
      System.arraycopy(source, 0, target, 0, at);
      System.arraycopy(source, at + skipped, target, at + 1 - skipped, slots.length - at - skipped);
      return target;
    }

    @Override
    public Iterator<Slot> range(byte @Nullable [] start, byte @Nullable [] end, boolean reverse) {
      int from = start == null ? 0 : lowerBound(start);
      int to = end == null ? slots.length : lowerBound(end);
      return new Iterator<>() {
        private int next = reverse ? to - 1 : from;

        @Override
        public boolean hasNext() {
          return reverse ? next >= from : next < to;
        }

        @Override
        public Slot next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          Slot slot = slots[next];
          next += reverse ? -1 : 1;
          return slot;
        }
      };
    }

    /** The index of the first slot whose leaf, among 2<sup>bits</sup>, comes after {@code index}. */
    int firstAbove(int bits, int index) {
      int low = 0;
      int high = slots.length;
      while (low < high) {
        int middle = (low + high) >>> 1;
        if ((int) (prefixes[middle] >>> (64 - bits)) <= index) {
          low = middle + 1;
        } else {
          high = middle;
        }
      }
      return low;
    }

    /** The slots from {@code from} to {@code to} as a leaf, or null when there are none. */
    @Nullable SortedLeaf part(int from, int to) {
      return from == to ? null
          : new SortedLeaf(Arrays.copyOfRange(slots, from, to), Arrays.copyOfRange(prefixes, from, to));
    }

    /** The key's index, or -1 less the index it would be inserted at. */
    private int search(byte[] key) {
      int at = lowerBound(key);
      return at < slots.length && Arrays.equals(slots[at].key, key) ? at : -1 - at;
    }

    /**
     * The index of the first slot whose key is not below {@code key}. A leaf's keys share their keyspace, and for
     * two such keys a lower prefix means a lower key (a zero-padded byte is a shorter key's end).
     */
    private int lowerBound(byte[] key) {
      long prefix = prefixOf(key);
      int low = 0;
      int high = slots.length;
      while (low < high) {
        int middle = (low + high) >>> 1;
        int order = Long.compareUnsigned(prefixes[middle], prefix);
        if (order < 0 || (order == 0 && Arrays.compareUnsigned(slots[middle].key, key) < 0)) {
          low = middle + 1;
        } else {
          high = middle;
        }
      }
      return low;
    }
  }

  /** A leaf too large to copy on each change: a concurrent skip list, changed in place. */
  private record SkipLeaf(ConcurrentSkipListMap<byte[], Slot> slots) implements Leaf {
    @Override
    public Leaf with(Slot slot, int sortedLimit) {
      slots.put(slot.key, slot);
      return this;
    }

    @Override
    public @Nullable Leaf without(byte[] key) {
      slots.remove(key);
      return slots.isEmpty() ? null : this;
    }

    @Override
    public Iterator<Slot> range(byte @Nullable [] start, byte @Nullable [] end, boolean reverse) {
      NavigableMap<byte[], Slot> inRange = slots;
      if (start != null) {
        inRange = inRange.tailMap(start, true);
      }
      if (end != null) {
        inRange = inRange.headMap(end, false);
      }
      return (reverse ? inRange.descendingMap() : inRange).values().iterator();
    }
  }

  /** Walks the keyspaces covering a range, their leaves covering it, and within each the keys inside it. */
  private static final class RangeIterator implements Iterator<Slot> {
    private final Iterator<Map.Entry<Integer, Keyspace>> keyspaces;
    private final byte[] start;
    private final byte[] end;
    private final boolean reverse;
    private @Nullable Leaves leaves;
    private byte @Nullable [] leafStart;
    private byte @Nullable [] leafEnd;
    private int nextLeaf;
    private int lastLeaf;
    private Iterator<Slot> slots = Collections.emptyIterator();

    RangeIterator(Iterator<Map.Entry<Integer, Keyspace>> keyspaces, byte[] start, byte[] end,
        boolean reverse) {
      this.keyspaces = keyspaces;
      this.start = start;
      this.end = end;
      this.reverse = reverse;
    }

    @Override
    public boolean hasNext() {
      while (!slots.hasNext()) {
        if (leaves == null || (reverse ? nextLeaf < lastLeaf : nextLeaf > lastLeaf)) {
          if (!keyspaces.hasNext()) {
            return false;
          }
          enter(keyspaces.next());
          continue;
        }
        Leaf leaf = leaves.array.get(nextLeaf);
        nextLeaf += reverse ? -1 : 1;
        if (leaf != null) {
          slots = leaf.range(leafStart, leafEnd, reverse);
        }
      }
      return true;
    }

    /** Takes the keyspace's current leaves, the first and last of them the range covers, and its bounds in them. */
    private void enter(Map.Entry<Integer, Keyspace> keyspace) {
      leaves = keyspace.getValue().leaves;
      leafStart = keyspace.getKey() == keyspaceOf(start) ? start : null;
      leafEnd = keyspace.getKey() == keyspaceOf(end) ? end : null;
      int first = leafStart == null ? 0 : leaves.indexOf(start);
      int last = leafEnd == null ? leaves.array.length() - 1 : leaves.indexOf(end);
      nextLeaf = reverse ? last : first;
      lastLeaf = reverse ? first : last;
    }

    @Override
    public Slot next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return slots.next();
    }
  }
}
