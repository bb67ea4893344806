package io.shaledb.core.consensus;

import io.shaledb.core.consensus.PaxosReply.Done;
import io.shaledb.core.consensus.PaxosReply.Promise;
import io.shaledb.core.consensus.PaxosReply.Range;
import io.shaledb.core.consensus.PaxosReply.Refused;
import io.shaledb.core.consensus.PaxosRequest.Accept;
import io.shaledb.core.consensus.PaxosRequest.Commit;
import io.shaledb.core.consensus.PaxosRequest.Prepare;
import io.shaledb.core.consensus.PaxosRequest.RangeRead;
import io.shaledb.core.consensus.PaxosRequest.Read;
import io.shaledb.core.model.Bytes;
import io.shaledb.core.replication.ReplicationStamp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The stored form of an acceptor's records (persisted: a change needs a new format version), and the form of the
 * messages regions exchange (the peer call carries them as they are, so both sides must run the same version).
 *
 * <pre>
 * state:     [version 1][promised: flag, ballot][accepted: flag, proposal][decided: count, decided...] (a state
 *            stored before decisions were kept ends before its count, and has none; one stored when a single
 *            decision was kept has a flag where the count is, which reads as a count of 0 or 1)
 * committed: [version 1][ballot][value]
 * request:   [version 1][kind: 1] then Prepare [ballot], Accept [proposal][base: flag, committed],
 *            Commit [committed][base: flag, ballot],
 *            RangeRead [start: key][end: flag, key][reverse: flag][max keys: 4][max bytes: 8]
 * reply:     [version 1][kind: 1] then Promise [committed: flag, committed][accepted: flag, proposal]
 *            [decided: count, decided...], Refused [ballot],
 *            Range [count: 4][entry: key, committed: flag, committed, accepted: flag, proposal]...
 *            [last read: flag, key]
 * proposal:  [ballot][base: flag, ballot][value][origin: ballot]
 * decided:   [origin: ballot][base: flag, ballot]
 * ballot:    [millis: 8][region length: 2][region: UTF-8]
 * value:     [flag][length: 4][item bytes]   (flag 0: absent)
 * key:       [length: 4][bytes]
 * </pre>
 */
public final class PaxosCodec {
  private static final int VERSION = 1;

  /** A request's kind as its byte says it: the ordinal, so the constants are never reordered. */
  private enum RequestKind {
    PREPARE,
    ACCEPT,
    COMMIT,
    READ,
    RANGE_READ
  }

  /** A reply's kind as its byte says it: the ordinal, so the constants are never reordered. */
  private enum ReplyKind {
    PROMISE,
    REFUSED,
    DONE,
    RANGE
  }

  private PaxosCodec() {}

  public static byte[] encode(PaxosRequest request) {
    return write(out -> {
      switch (request) {
        case Prepare(ReplicationStamp ballot) -> {
          out.writeByte(RequestKind.PREPARE.ordinal());
          writeBallot(out, ballot);
        }
        case Accept(Proposal proposal, Committed base) -> {
          out.writeByte(RequestKind.ACCEPT.ordinal());
          writeProposal(out, proposal);
          writeOptionalCommitted(out, base);
        }
        case Commit(Committed value, ReplicationStamp base) -> {
          out.writeByte(RequestKind.COMMIT.ordinal());
          writeCommitted(out, value);
          writeOptional(out, base);
        }
        case Read() -> out.writeByte(RequestKind.READ.ordinal());
        case RangeRead range -> {
          out.writeByte(RequestKind.RANGE_READ.ordinal());
          writeKey(out, range.start());
          writeOptionalKey(out, range.end());
          out.writeBoolean(range.reverse());
          out.writeInt(range.maxKeys());
          out.writeLong(range.maxBytes());
        }
      }
    });
  }

  /** @throws IllegalArgumentException when {@code bytes} is no request of this version */
  public static PaxosRequest decodeRequest(byte[] bytes) {
    return read(bytes, in -> switch (kind(RequestKind.values(), in)) {
      case PREPARE -> new Prepare(readBallot(in));
      case ACCEPT -> new Accept(readProposal(in), readOptionalCommitted(in));
      case COMMIT -> new Commit(readCommitted(in), readOptional(in));
      case READ -> new Read();
      case RANGE_READ -> new RangeRead(readKey(in), readOptionalKey(in), in.readBoolean(), in.readInt(),
          in.readLong());
    });
  }

  public static byte[] encode(PaxosReply reply) {
    return write(out -> {
      switch (reply) {
        case Promise(Committed committed, Proposal accepted, List<Decided> decided) -> {
          out.writeByte(ReplyKind.PROMISE.ordinal());
          writeOptionalCommitted(out, committed);
          writeOptionalProposal(out, accepted);
          writeDecided(out, decided);
        }
        case Refused(ReplicationStamp higher) -> {
          out.writeByte(ReplyKind.REFUSED.ordinal());
          writeBallot(out, higher);
        }
        case Done() -> out.writeByte(ReplyKind.DONE.ordinal());
        case Range range -> {
          out.writeByte(ReplyKind.RANGE.ordinal());
          out.writeInt(range.entries().size());
          for (RangeEntry entry : range.entries()) {
            writeKey(out, entry.key());
            writeOptionalCommitted(out, entry.committed());
            writeOptionalProposal(out, entry.accepted());
          }
          writeOptionalKey(out, range.lastRead());
        }
      }
    });
  }

  /** @throws IllegalArgumentException when {@code bytes} is no reply of this version */
  public static PaxosReply decodeReply(byte[] bytes) {
    return read(bytes, in -> switch (kind(ReplyKind.values(), in)) {
      case PROMISE -> new Promise(readOptionalCommitted(in), readOptionalProposal(in), readDecided(in));
      case REFUSED -> new Refused(readBallot(in));
      case DONE -> new Done();
      case RANGE -> readRange(in);
    });
  }

  private static Range readRange(DataInputStream in) throws IOException {
    int count = in.readInt();
    // Each entry takes a key's length at least: a count beyond the bytes that came is refused before allocating.
    if (count < 0 || count > RangeRead.MAX_KEYS || count > in.available() / Integer.BYTES) {
      throw new IOException("a range of " + count + " entries in " + in.available() + " bytes");
    }
    List<RangeEntry> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      entries.add(new RangeEntry(readKey(in), readOptionalCommitted(in), readOptionalProposal(in)));
    }
    return new Range(entries, readOptionalKey(in));
  }

  private static <E extends Enum<E>> E kind(E[] kinds, DataInputStream in) throws IOException {
    int kind = in.readUnsignedByte();
    if (kind >= kinds.length) {
      throw new IllegalArgumentException("unknown consensus message kind " + kind);
    }
    return kinds[kind];
  }

  private interface Reader<T> {
    T read(DataInputStream in) throws IOException;
  }

  /** Decodes a message, which must be read to its last byte. */
  private static <T> T read(byte[] bytes, Reader<T> reader) {
    try {
      DataInputStream in = open(bytes);
      T message = reader.read(in);
      if (in.available() > 0) {
        throw new IllegalArgumentException(in.available() + " bytes after the consensus message");
      }
      return message;
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("no consensus message: " + e.getMessage(), e);
    }
  }

  private static void writeProposal(DataOutputStream out, Proposal proposal) throws IOException {
    writeBallot(out, proposal.ballot());
    writeOptional(out, proposal.base());
    writeValue(out, proposal.value());
    writeBallot(out, proposal.origin());
  }

  private static Proposal readProposal(DataInputStream in) throws IOException {
    return new Proposal(readBallot(in), readOptional(in), readValue(in), readBallot(in));
  }

  private static void writeOptionalProposal(DataOutputStream out, @Nullable Proposal proposal) throws IOException {
    out.writeBoolean(proposal != null);
    if (proposal != null) {
      writeProposal(out, proposal);
    }
  }

  private static @Nullable Proposal readOptionalProposal(DataInputStream in) throws IOException {
    return in.readBoolean() ? readProposal(in) : null;
  }

  private static void writeDecided(DataOutputStream out, List<Decided> decided) throws IOException {
    out.writeByte(decided.size());
    for (Decided instance : decided) {
      writeBallot(out, instance.origin());
      writeOptional(out, instance.base());
    }
  }

  private static List<Decided> readDecided(DataInputStream in) throws IOException {
    int count = in.readUnsignedByte();
    if (count > AcceptorState.DECIDED_KEPT) {
      throw new IOException(count + " decided instances, more than an acceptor keeps");
    }
    List<Decided> decided = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      decided.add(new Decided(readBallot(in), readOptional(in)));
    }
    return decided;
  }

  private static void writeOptionalCommitted(DataOutputStream out, @Nullable Committed committed) throws IOException {
    out.writeBoolean(committed != null);
    if (committed != null) {
      writeCommitted(out, committed);
    }
  }

  private static @Nullable Committed readOptionalCommitted(DataInputStream in) throws IOException {
    return in.readBoolean() ? readCommitted(in) : null;
  }

  private static void writeCommitted(DataOutputStream out, Committed committed) throws IOException {
    writeBallot(out, committed.ballot());
    writeValue(out, committed.value());
  }

  private static Committed readCommitted(DataInputStream in) throws IOException {
    return new Committed(readBallot(in), readValue(in));
  }

  static byte[] encode(AcceptorState state) {
    return write(out -> {
      writeOptional(out, state.promised());
      writeOptionalProposal(out, state.accepted());
      writeDecided(out, state.decided());
    });
  }

  static AcceptorState decodeState(byte @Nullable [] stored) {
    if (stored == null) {
      return AcceptorState.NONE;
    }
    DataInputStream in = open(stored);
    try {
      ReplicationStamp promised = readOptional(in);
      Proposal accepted = readOptionalProposal(in);
      return new AcceptorState(promised, accepted, in.available() > 0 ? readDecided(in) : List.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] encode(Committed committed) {
    return write(out -> writeCommitted(out, committed));
  }

  static @Nullable Committed decodeCommitted(byte @Nullable [] stored) {
    if (stored == null) {
      return null;
    }
    DataInputStream in = open(stored);
    try {
      return readCommitted(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface Writer {
    void write(DataOutputStream out) throws IOException;
  }

  private static byte[] write(Writer writer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      writer.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static DataInputStream open(byte[] stored) {
    if (stored.length == 0 || stored[0] != VERSION) {
      throw new IllegalStateException("unknown consensus record format version " + (stored.length == 0 ? "" : stored[0]));
    }
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored, 1, stored.length - 1));
    return in;
  }

  private static void writeOptional(DataOutputStream out, @Nullable ReplicationStamp ballot) throws IOException {
    out.writeBoolean(ballot != null);
    if (ballot != null) {
      writeBallot(out, ballot);
    }
  }

  private static @Nullable ReplicationStamp readOptional(DataInputStream in) throws IOException {
    return in.readBoolean() ? readBallot(in) : null;
  }

  private static void writeBallot(DataOutputStream out, ReplicationStamp ballot) throws IOException {
    out.writeLong(ballot.millis());
    out.writeUTF(ballot.region());
  }

  private static ReplicationStamp readBallot(DataInputStream in) throws IOException {
    return new ReplicationStamp(in.readLong(), in.readUTF());
  }

  private static void writeValue(DataOutputStream out, ItemValue value) throws IOException {
    byte[] bytes = value.bytes();
    out.writeBoolean(bytes != null);
    if (bytes != null) {
      out.writeInt(bytes.length);
      out.write(bytes);
    }
  }

  private static void writeKey(DataOutputStream out, Bytes key) throws IOException {
    out.writeInt(key.length());
    out.write(key.toByteArray());
  }

  private static Bytes readKey(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw new IOException("a key of " + length + " bytes in " + in.available());
    }
    return Bytes.wrap(in.readNBytes(length));
  }

  private static void writeOptionalKey(DataOutputStream out, @Nullable Bytes key) throws IOException {
    out.writeBoolean(key != null);
    if (key != null) {
      writeKey(out, key);
    }
  }

  private static @Nullable Bytes readOptionalKey(DataInputStream in) throws IOException {
    return in.readBoolean() ? readKey(in) : null;
  }

  private static ItemValue readValue(DataInputStream in) throws IOException {
    if (!in.readBoolean()) {
      return ItemValue.ABSENT;
    }
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      // A message from the network says how long its item is: never believe it beyond the bytes that came.
      throw new IOException("an item of " + length + " bytes in " + in.available());
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return new ItemValue(bytes);
  }
}
