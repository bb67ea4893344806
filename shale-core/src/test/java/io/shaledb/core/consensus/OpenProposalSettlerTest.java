package io.shaledb.core.consensus;

import static io.shaledb.core.op.TestTables.item;
import static io.shaledb.core.op.TestTables.n;
import static io.shaledb.core.op.TestTables.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.consensus.PaxosRequest.Accept;
import io.shaledb.core.consensus.PaxosRequest.Prepare;
import io.shaledb.core.keys.ItemCodec;
import io.shaledb.core.keys.KeyCodec;
import io.shaledb.core.maintenance.OpenProposalSettler;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.MutableClock;
import io.shaledb.core.op.PageItems;
import io.shaledb.core.op.Requests;
import io.shaledb.core.op.item.GetItem;
import io.shaledb.core.op.item.GetItemInput;
import io.shaledb.core.op.item.PutItem;
import io.shaledb.core.op.item.PutItemInput;
import io.shaledb.core.replication.ReplicationStamp;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.storage.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The settling of values a quorum may have chosen that no region committed (docs/global-tables.md, "A region that was
 * down"): the acceptors' open marks and {@link OpenProposalSettler}, in three regions over memory engines whose
 * shared clock the tests move.
 */
class OpenProposalSettlerTest {
  private static final String EU = "eu-west-1";
  private static final String EAST = "us-east-1";
  private static final String WEST = "us-west-2";
  private static final Map<String, AttributeValue> ITEM = item("k", Map.of("v", n(1)));

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T07:00:00Z"));
  private final StrongRegions regions = new StrongRegions(clock);

  @BeforeEach
  void createTable() {
    regions.createStrongTable();
  }

  @AfterEach
  void close() {
    regions.close();
  }

  @Test
  void aValueChosenWhoseEveryCommitWasLost_isCommittedInEveryRegionByAPassOnceRested() {
    acceptIn(EAST, WEST); // EAST's write, chosen by two Accepts, its writer gone before any Commit

    assertThat(openKeys(EAST)).containsExactly("k");
    assertThat(openKeys(WEST)).containsExactly("k");
    for (String region : StrongRegions.REGIONS) {
      assertThat(eventualGet(region)).as("committed nowhere: " + region).isNull();
    }

    clock.advance(OpenProposalSettler.REST.plusSeconds(1));
    passInEveryRegion();

    assertSettledEverywhere();
  }

  @Test
  void anOpenProposalYoungerThanTheRest_isLeftAlone() {
    acceptIn(EAST, WEST);

    clock.advance(OpenProposalSettler.REST.minusSeconds(1));
    int before = regions.requests();
    passInEveryRegion();

    assertThat(regions.requests()).as("no consensus request").isEqualTo(before);
    assertThat(eventualGet(EU)).isNull();
    assertThat(openKeys(EAST)).containsExactly("k");

    clock.advance(Duration.ofSeconds(2));
    passInEveryRegion();

    assertThat(eventualGet(EU)).isEqualTo(ITEM);
  }

  @Test
  void aProposalAcceptedByOneRegionOnly_isChosenByTheSettlingRead() {
    // Not chosen, but Paxos cannot tell it from a chosen one once a quorum's promise carries it: the read finishes it.
    acceptIn(EAST);
    clock.advance(OpenProposalSettler.REST.plusSeconds(1));

    settler(EAST).runPass();

    assertSettledEverywhere();
  }

  @Test
  void aKeyWhoseReadFails_staysOpenForTheNextPass() {
    acceptIn(EAST, WEST);
    clock.advance(OpenProposalSettler.REST.plusSeconds(1));
    regions.down(EU);
    regions.down(WEST);

    settler(EAST).runPass(); // fewer than two regions answer: logged, not thrown

    assertThat(openKeys(EAST)).containsExactly("k");
    assertThat(eventualGet(EAST)).isNull();
  }

  @Test
  void onATableWithoutOpenProposals_aPassSendsNothing() {
    new PutItem(regions.db(EAST), regions.writes(EAST)).execute(new PutItemInput("orders", ITEM, null, null, null,
        null, null, null, null, null, null), Requests.request());
    for (String region : StrongRegions.REGIONS) {
      assertThat(openKeys(region)).as("a committed write leaves no open key: " + region).isEmpty();
    }
    clock.advance(OpenProposalSettler.REST.plusSeconds(1));
    int before = regions.requests();

    passInEveryRegion();

    assertThat(regions.requests()).isEqualTo(before);
  }

  private void assertSettledEverywhere() {
    for (String region : StrongRegions.REGIONS) {
      assertThat(eventualGet(region)).as(region).isEqualTo(ITEM);
      assertThat(openKeys(region)).as(region).isEmpty();
    }
  }

  /** Proposes {@link #ITEM} as EAST's write, accepted by {@code acceptors} only, and committed by none. */
  private void acceptIn(String... acceptors) {
    ReplicationStamp ballot = new ReplicationStamp(clock.millis(), EAST);
    Proposal proposal = Proposal.first(ballot, null, new ItemValue(ItemCodec.encode(ITEM)));
    for (String region : acceptors) {
      regions.consensus(region).answer("orders", EAST, peerKey(), new Prepare(ballot));
      assertThat(regions.consensus(region).answer("orders", EAST, peerKey(), new Accept(proposal, null)))
          .isInstanceOf(PaxosReply.Done.class);
    }
  }

  private static byte[] peerKey() {
    byte[] key = KeyCodec.itemKey(0, s("k"), null);
    return Arrays.copyOfRange(key, KeyCodec.KEYSPACE_BYTES, key.length);
  }

  private OpenProposalSettler settler(String region) {
    return new OpenProposalSettler(regions.db(region), regions.consensus(region));
  }

  private void passInEveryRegion() {
    StrongRegions.REGIONS.forEach(region -> settler(region).runPass());
  }

  /** The items whose proposal {@code region} holds open: "k" for the one the tests write. */
  private List<String> openKeys(String region) {
    TableMetadata table = regions.db(region).catalog().find("orders").orElseThrow();
    try (Snapshot snapshot = regions.db(region).storage().snapshot()) {
      return OpenProposals.read(snapshot, table.keyspace(), null, 10).stream()
          .map(open -> Arrays.equals(open.itemKey(), KeyCodec.itemKey(table.keyspace(), s("k"), null)) ? "k"
              : "another key")
          .toList();
    }
  }

  private @Nullable Map<String, AttributeValue> eventualGet(String region) {
    return PageItems.attributes(new GetItem(regions.db(region), regions.consensus(region)).execute(
        new GetItemInput("orders", Map.of("id", s("k")), false, null, null, null, null), Requests.request())
        .item());
  }
}
