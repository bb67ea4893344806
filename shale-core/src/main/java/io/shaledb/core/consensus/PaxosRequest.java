package io.shaledb.core.consensus;

import io.shaledb.core.catalog.SystemKeyspace;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.model.Bytes;
import io.shaledb.core.replication.ReplicationStamp;
import io.shaledb.core.storage.KeyRange;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/** What a proposer asks of a region's acceptor: of one item, or of a key range's items (a range read). */
public sealed interface PaxosRequest {

  /** A request on one item, answered in one storage transaction by the item's acceptor. */
  sealed interface ItemRequest extends PaxosRequest {}

  /** Promise to accept no proposal of a lower ballot, and tell what is committed and accepted. */
  record Prepare(ReplicationStamp ballot) implements ItemRequest {}

  /**
   * Accept {@code proposal}, after applying {@code base} when it is newer than what the acceptor committed (so a region
   * that missed it catches up).
   *
   * @param base the committed value the proposal was made on, or null for an item that has none yet
   */
  record Accept(Proposal proposal, @Nullable Committed base) implements ItemRequest {}

  /**
   * Apply a chosen value, if it is newer than what the acceptor committed.
   *
   * @param base the committed ballot the value was chosen to follow, or null when it is the item's first
   */
  record Commit(Committed value, @Nullable ReplicationStamp base) implements ItemRequest {}

  /** Tell what is committed and accepted, promising nothing (a strongly consistent read). */
  record Read() implements ItemRequest {}

  /**
   * Tell, for the keys from {@code start} to {@code end} in the order read, what is committed (deletes too, while
   * their tombstone is kept) and accepted on it, promising nothing (a strongly consistent Query or Scan page). The
   * answer stops early once it read {@code maxKeys} keys or {@code maxBytes} of values, each capped by the acceptor.
   * Keys are without their keyspace id (each region has its own), as the peer call carries an item's key.
   *
   * @param start the first key (inclusive)
   * @param end the key after the last (exclusive), or null for the end of the table's keyspace
   * @param reverse read from the end towards the start
   */
  record RangeRead(Bytes start, @Nullable Bytes end, boolean reverse, int maxKeys, long maxBytes)
      implements PaxosRequest {
    /** The most keys one answer reads, whatever the request asks: it bounds the answer's work and memory. */
    public static final int MAX_KEYS = 10_000;
    /** The most bytes of values one answer carries (a page's 1 MB), less what its last key brings beyond it. */
    public static final long MAX_BYTES = 1024 * 1024;

    public RangeRead {
      if (maxKeys < 1 || maxBytes < 1) {
        throw new IllegalArgumentException("a range read of " + maxKeys + " keys and " + maxBytes + " bytes");
      }
    }

    /** The range's keys in {@code keyspace}. */
    KeyRange in(int keyspace) {
      return new KeyRange(inKeyspace(keyspace, start),
          end == null ? KeyCodec.keyspaceRange(keyspace).end() : inKeyspace(keyspace, end));
    }

    /** The acceptor records of kind {@code record} of the range's keys in {@code keyspace} ({@link SystemKeyspace#paxos}). */
    KeyRange paxosRecords(int keyspace, int record) {
      return new KeyRange(SystemKeyspace.paxos(inKeyspace(keyspace, start), record),
          end == null ? KeyRange.successor(SystemKeyspace.paxos(inKeyspace(keyspace, Bytes.EMPTY), record))
              : SystemKeyspace.paxos(inKeyspace(keyspace, end), record));
    }

    private static byte[] inKeyspace(int keyspace, Bytes key) {
      byte[] inKeyspace = ByteBuffer.allocate(KeyCodec.KEYSPACE_BYTES + key.length()).putInt(keyspace).array();
      key.copyTo(inKeyspace, KeyCodec.KEYSPACE_BYTES);
      return inKeyspace;
    }
  }
}
