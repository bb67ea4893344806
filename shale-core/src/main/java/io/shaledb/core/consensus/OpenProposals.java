package io.shaledb.core.consensus;

import io.shaledb.core.catalog.SystemKeyspace;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.storage.KeyRange;
import io.shaledb.core.storage.KvCursor;
import io.shaledb.core.storage.KvReader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The keys of a table of multi-region strong consistency whose proposal this region accepted and has not seen
 * committed or decided ({@code 'J' keyspace 2 key}, holding when it was accepted): written and removed by the {@link
 * Acceptor} in the transactions of the Accept and the Commit, so that a value a quorum chose that no region committed
 * can be found and finished (docs/global-tables.md, "A region that was down").
 */
public final class OpenProposals {
  private OpenProposals() {}

  /** A key with an open proposal: its item key in this region and when the proposal was accepted. */
  public record Open(byte[] itemKey, long acceptedMillis) {}

  static byte[] encodeAccepted(long millis) {
    return ByteBuffer.allocate(Long.BYTES).putLong(millis).array();
  }

  /**
   * Reads at most {@code max} open keys of the table of that keyspace, in key order.
   *
   * @param from the item key to start at (inclusive), or null for the first
   */
  public static List<Open> read(KvReader reader, int keyspace, byte @Nullable [] from, int max) {
    byte[] first = SystemKeyspace.paxos(KeyCodec.keyspaceRange(keyspace).start(), Acceptor.OPEN_RECORD);
    KeyRange range = new KeyRange(from == null ? first : SystemKeyspace.paxos(from, Acceptor.OPEN_RECORD),
        KeyRange.successor(first));
    List<Open> open = new ArrayList<>();
    try (KvCursor cursor = reader.scan(range, false)) {
      while (open.size() < max && cursor.next()) {
        open.add(new Open(SystemKeyspace.paxosItemKey(cursor.key()), ByteBuffer.wrap(cursor.value()).getLong()));
      }
    }
    return open;
  }
}
