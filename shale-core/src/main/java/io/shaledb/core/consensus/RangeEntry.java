package io.shaledb.core.consensus;

import io.shaledb.core.model.Bytes;
import org.jspecify.annotations.Nullable;

/**
 * What an acceptor holds of one key of a range read: its committed value (a delete's too) and the proposal it accepted
 * on that value. At least one of the two is present.
 *
 * @param key the item's key without its keyspace id
 * @param committed its committed value, or null when none was committed here
 * @param accepted the proposal it accepted on that committed value, or null
 */
public record RangeEntry(Bytes key, @Nullable Committed committed, @Nullable Proposal accepted) {

  /** What the entry counts against an answer's bytes: its key and the values it carries. */
  long size() {
    return key.length() + valueSize(committed == null ? null : committed.value())
        + valueSize(accepted == null ? null : accepted.value());
  }

  private static long valueSize(@Nullable ItemValue value) {
    byte[] bytes = value == null ? null : value.bytes();
    return bytes == null ? 0 : bytes.length;
  }
}
