package io.shaledb.core.consensus;

import io.shaledb.core.replication.ReplicationStamp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * The stored form of an acceptor's records (persisted: a change needs a new format version).
 *
 * <pre>
 * state:     [version 1][promised: flag, ballot][accepted: flag, ballot, base (flag, ballot), value, origin]
 * committed: [version 1][ballot][value]
 * ballot:    [millis: 8][region length: 2][region: UTF-8]
 * value:     [flag][length: 4][item bytes]   (flag 0: absent)
 * </pre>
 */
final class PaxosCodec {
  private static final int VERSION = 1;

  private PaxosCodec() {}

  static byte[] encode(AcceptorState state) {
    return write(out -> {
      writeOptional(out, state.promised());
      Proposal accepted = state.accepted();
      out.writeBoolean(accepted != null);
      if (accepted != null) {
        writeBallot(out, accepted.ballot());
        writeOptional(out, accepted.base());
        writeValue(out, accepted.value());
        writeBallot(out, accepted.origin());
      }
    });
  }

  static AcceptorState decodeState(byte @Nullable [] stored) {
    if (stored == null) {
      return AcceptorState.NONE;
    }
    DataInputStream in = open(stored);
    try {
      ReplicationStamp promised = readOptional(in);
      Proposal accepted = in.readBoolean() ? new Proposal(readBallot(in), readOptional(in), readValue(in),
          readBallot(in)) : null;
      return new AcceptorState(promised, accepted);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] encode(Committed committed) {
    return write(out -> {
      writeBallot(out, committed.ballot());
      writeValue(out, committed.value());
    });
  }

  static @Nullable Committed decodeCommitted(byte @Nullable [] stored) {
    if (stored == null) {
      return null;
    }
    DataInputStream in = open(stored);
    try {
      return new Committed(readBallot(in), readValue(in));
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

  private static ItemValue readValue(DataInputStream in) throws IOException {
    if (!in.readBoolean()) {
      return ItemValue.ABSENT;
    }
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return new ItemValue(bytes);
  }
}
