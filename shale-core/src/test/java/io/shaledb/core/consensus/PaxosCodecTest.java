package io.shaledb.core.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The messages regions exchange, through their binary form and back, and what the decoder refuses. */
class PaxosCodecTest {
  private static final ReplicationStamp BASE = new ReplicationStamp(100, "us-east-1");
  private static final ReplicationStamp BALLOT = new ReplicationStamp(200, "eu-west-1");
  private static final ItemValue ITEM = new ItemValue(new byte[] {1, 2, 3, 0, -1});
  private static final Committed COMMITTED = new Committed(BASE, ITEM);
  private static final Proposal PROPOSAL = new Proposal(new ReplicationStamp(300, "ap-south-1"), BASE,
      ItemValue.ABSENT, BALLOT);

  static Stream<PaxosRequest> requests() {
    return Stream.of(new Prepare(BALLOT), new Accept(PROPOSAL, COMMITTED), new Accept(Proposal.first(BALLOT, null,
        ITEM), null), new Commit(COMMITTED, BASE), new Commit(new Committed(BALLOT, ItemValue.ABSENT), null), new Read(),
        new RangeRead(Bytes.wrap(new byte[] {1, 0, -1}), Bytes.wrap(new byte[] {2}), true, 100, 1024),
        new RangeRead(Bytes.EMPTY, null, false, RangeRead.MAX_KEYS, RangeRead.MAX_BYTES));
  }

  static Stream<PaxosReply> replies() {
    return Stream.of(new Promise(COMMITTED, PROPOSAL, List.of(new Decided(BALLOT, BASE), new Decided(BASE, null))),
        new Promise(null, null, List.of()), new Promise(COMMITTED, null, List.of(new Decided(BASE, null))),
        new Promise(null, Proposal.first(BALLOT, null, ITEM), List.of()), new Refused(BALLOT), new Done(),
        new Range(List.of(new RangeEntry(Bytes.wrap(new byte[] {1, 2}), COMMITTED, PROPOSAL),
            new RangeEntry(Bytes.wrap(new byte[] {3}), new Committed(BALLOT, ItemValue.ABSENT), null),
            new RangeEntry(Bytes.EMPTY, null, PROPOSAL)), Bytes.wrap(new byte[] {3})),
        new Range(List.of(), null));
  }

  @ParameterizedTest
  @MethodSource("requests")
  void request_encodedAndDecoded_isTheSame(PaxosRequest request) {
    assertThat(PaxosCodec.decodeRequest(PaxosCodec.encode(request))).isEqualTo(request);
  }

  @ParameterizedTest
  @MethodSource("replies")
  void reply_encodedAndDecoded_isTheSame(PaxosReply reply) {
    assertThat(PaxosCodec.decodeReply(PaxosCodec.encode(reply))).isEqualTo(reply);
  }

  @ParameterizedTest
  @MethodSource("requests")
  void request_cutShortOrLengthened_isRefused(PaxosRequest request) {
    byte[] bytes = PaxosCodec.encode(request);
    assertThatThrownBy(() -> PaxosCodec.decodeRequest(Arrays.copyOf(bytes, bytes.length - 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PaxosCodec.decodeRequest(Arrays.copyOf(bytes, bytes.length + 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decode_unknownKindOrVersionOrAnItemLongerThanTheMessage_isRefused() {
    assertThatThrownBy(() -> PaxosCodec.decodeRequest(new byte[] {1, 9})).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown consensus message kind 9");
    assertThatThrownBy(() -> PaxosCodec.decodeReply(new byte[] {2, 2})).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PaxosCodec.decodeReply(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    byte[] commit = PaxosCodec.encode(new Commit(COMMITTED, BASE));
    // The item's length, after the kind, the ballot (8 + 2 + 9 bytes) and the value's flag, claims 2 GB.
    ByteBuffer.wrap(commit).putInt(1 + 1 + 8 + 2 + BASE.region().length() + 1, Integer.MAX_VALUE);
    assertThatThrownBy(() -> PaxosCodec.decodeRequest(commit)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("an item of 2147483647 bytes");
  }

  @Test
  void range_claimingMoreEntriesOrALongerKeyThanCame_isRefusedBeforeAllocating() {
    byte[] range = PaxosCodec.encode(new Range(List.of(new RangeEntry(Bytes.wrap(new byte[] {1}), COMMITTED, null)), null));
    ByteBuffer.wrap(range).putInt(2, Integer.MAX_VALUE); // the count, after the version and the kind
    assertThatThrownBy(() -> PaxosCodec.decodeReply(range)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a range of 2147483647 entries");
    byte[] key = PaxosCodec.encode(new Range(List.of(new RangeEntry(Bytes.wrap(new byte[] {1}), COMMITTED, null)), null));
    ByteBuffer.wrap(key).putInt(2 + 4, 1 << 30); // the first entry's key length
    assertThatThrownBy(() -> PaxosCodec.decodeReply(key)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a key of 1073741824 bytes");
  }

  @Test
  void rangeRead_ofNoKeysOrBytes_isRefused() {
    byte[] read = PaxosCodec.encode(new RangeRead(Bytes.EMPTY, null, false, 1, 1));
    ByteBuffer.wrap(read).putInt(read.length - 8 - 4, 0); // max keys, before max bytes
    assertThatThrownBy(() -> PaxosCodec.decodeRequest(read)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a range read of 0 keys");
  }

  @Test
  void state_storedBeforeDecisionsWereKept_readsAsHavingNone() {
    AcceptorState state = new AcceptorState(BALLOT, PROPOSAL, List.of());
    byte[] stored = PaxosCodec.encode(state);

    assertThat(PaxosCodec.decodeState(Arrays.copyOf(stored, stored.length - 1))).isEqualTo(state);
    AcceptorState decided = new AcceptorState(BALLOT, PROPOSAL, List.of(new Decided(BALLOT, BASE),
        new Decided(BASE, null)));
    assertThat(PaxosCodec.decodeState(PaxosCodec.encode(decided))).isEqualTo(decided);
  }

  @Test
  void state_storedWhenOneDecisionWasKept_readsAsAHistoryOfOne() throws IOException {
    // That format ended with [decided: flag, decided]: a flag of 1 reads as a count of 1.
    byte[] noneDecided = PaxosCodec.encode(new AcceptorState(null, null, List.of()));
    ByteArrayOutputStream stored = new ByteArrayOutputStream();
    stored.write(noneDecided, 0, noneDecided.length - 1);
    DataOutputStream out = new DataOutputStream(stored);
    out.writeBoolean(true);
    out.writeLong(BALLOT.millis());
    out.writeUTF(BALLOT.region());
    out.writeBoolean(true);
    out.writeLong(BASE.millis());
    out.writeUTF(BASE.region());

    assertThat(PaxosCodec.decodeState(stored.toByteArray()))
        .isEqualTo(new AcceptorState(null, null, List.of(new Decided(BALLOT, BASE))));
  }

  @Test
  void promise_claimingMoreDecisionsThanAnAcceptorKeeps_isRefused() {
    byte[] promise = PaxosCodec.encode(new Promise(null, null, List.of()));
    promise[promise.length - 1] = (byte) (AcceptorState.DECIDED_KEPT + 1);

    assertThatThrownBy(() -> PaxosCodec.decodeReply(promise)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than an acceptor keeps");
  }
}
