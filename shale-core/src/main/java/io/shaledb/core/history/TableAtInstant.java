package io.shaledb.core.history;

import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.KvReader;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The items of a table as they were at an instant, in key order: its current items merged with its history, both
 * read from one snapshot. An item's state at T is what it was before its changes after T (the before-image of the
 * first, completed by the later ones where it is partial), or, when it has none, its current value; items absent in
 * that state are skipped.
 *
 * <p>A cursor over the stored items ({@link KvCursor}: the item key and {@code ItemCodec}'s bytes), so a restore
 * reads it a batch at a time and resumes after the last key it copied with a new one from the same snapshot.
 */
public final class TableAtInstant implements KvCursor {
  private final KvCursor current;
  private final KvCursor history;
  private final int tableKeyspace;
  private final long atMillis;
  private byte @Nullable [] currentKey;
  private byte @Nullable [] historyItem;
  private byte[] key = new byte[0];
  private byte[] value = new byte[0];

  private TableAtInstant(KvCursor current, KvCursor history, int tableKeyspace, long atMillis, byte[] from) {
    this.current = current;
    this.history = history;
    this.tableKeyspace = tableKeyspace;
    this.atMillis = atMillis;
    advanceCurrent();
    advanceHistory();
    // The history range starts at the bytes of from, so when from is not itself an item key (a resume just after
    // the last key read) the range also holds the records of the item just before it: they are skipped here.
    while (historyItem != null && Arrays.compareUnsigned(historyItem, from) < 0) {
      advanceHistory();
    }
  }

  /**
   * The items of the table in {@code tableKeyspace}, with its history in {@code historyKeyspace}, as they were at
   * {@code atMillis} (changes made at that millisecond included), from the key {@code from} on (an item key, or the
   * key just after one, where a batch ended).
   */
  public static TableAtInstant open(KvReader snapshot, int tableKeyspace, int historyKeyspace, long atMillis,
      byte[] from) {
    KvCursor current = snapshot.scan(new KeyRange(from, KeyCodec.keyspaceRange(tableKeyspace).end()), false);
    try {
      return new TableAtInstant(current, snapshot.scan(HistoryKeys.from(historyKeyspace, from), false),
          tableKeyspace, atMillis, from);
    } catch (RuntimeException e) {
      current.close();
      throw e;
    }
  }

  @Override
  public boolean next() {
    while (true) {
      byte[] currentItem = currentKey;
      byte[] historyNext = historyItem;
      if (currentItem != null && (historyNext == null || Arrays.compareUnsigned(currentItem, historyNext) < 0)) {
        key = currentItem;
        value = current.value();
        advanceCurrent();
        return true;
      }
      if (historyNext == null) {
        return false;
      }
      BeforeImage changes = changesAfterInstant(historyNext);
      byte @Nullable [] after = null;
      if (currentItem != null && Arrays.equals(currentItem, historyNext)) {
        after = current.value();
        advanceCurrent();
      }
      byte @Nullable [] state = changes == null ? after : changes.before(after);
      if (state != null) {
        key = historyNext;
        value = state;
        return true;
      }
    }
  }

  /**
   * Walks the history records of {@code item} and returns what it was before its changes after the instant, or null
   * when it did not change since, and its state then is its current value.
   */
  private @Nullable BeforeImage changesAfterInstant(byte[] item) {
    BeforeImage changes = null;
    while (historyItem != null && Arrays.equals(historyItem, item)) {
      // An absent or whole record says all there is: the later ones need not be decoded.
      if (HistoryKeys.millis(history.key()) > atMillis && (changes == null || changes instanceof BeforeImage.Partial)) {
        BeforeImage change = BeforeImage.decode(history.value());
        changes = changes == null ? change : changes.followedBy(change);
      }
      advanceHistory();
    }
    return changes;
  }

  private void advanceCurrent() {
    currentKey = current.next() ? current.key() : null;
  }

  private void advanceHistory() {
    historyItem = history.next() ? HistoryKeys.itemKey(history.key(), tableKeyspace) : null;
  }

  @Override
  public byte[] key() {
    return key;
  }

  @Override
  public byte[] value() {
    return value;
  }

  @Override
  public void close() {
    try (current) {
      history.close();
    }
  }
}
