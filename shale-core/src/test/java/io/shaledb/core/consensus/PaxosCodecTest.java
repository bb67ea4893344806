package io.shaledb.core.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shaledb.core.consensus.PaxosReply.Done;
import io.shaledb.core.consensus.PaxosReply.Promise;
import io.shaledb.core.consensus.PaxosReply.Refused;
import io.shaledb.core.consensus.PaxosRequest.Accept;
import io.shaledb.core.consensus.PaxosRequest.Commit;
import io.shaledb.core.consensus.PaxosRequest.Prepare;
import io.shaledb.core.consensus.PaxosRequest.Read;
import io.shaledb.core.replication.ReplicationStamp;
import java.nio.ByteBuffer;
import java.util.Arrays;
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
        ITEM), null), new Commit(COMMITTED, BASE), new Commit(new Committed(BALLOT, ItemValue.ABSENT), null), new Read());
  }

  static Stream<PaxosReply> replies() {
    return Stream.of(new Promise(COMMITTED, PROPOSAL, new Decided(BASE, BALLOT)),
        new Promise(null, null, null), new Promise(COMMITTED, null, new Decided(BASE, null)),
        new Promise(null, Proposal.first(BALLOT, null, ITEM), null), new Refused(BALLOT), new Done());
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
  void state_storedBeforeDecisionsWereKept_readsAsHavingNone() {
    AcceptorState state = new AcceptorState(BALLOT, PROPOSAL, null);
    byte[] stored = PaxosCodec.encode(state);

    assertThat(PaxosCodec.decodeState(Arrays.copyOf(stored, stored.length - 1))).isEqualTo(state);
    AcceptorState decided = new AcceptorState(BALLOT, PROPOSAL, new Decided(BALLOT, BASE));
    assertThat(PaxosCodec.decodeState(PaxosCodec.encode(decided))).isEqualTo(decided);
  }
}
