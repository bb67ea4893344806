package io.shaledb.it.jepsen;

import static org.assertj.core.api.Assertions.assertThat;

import io.shaledb.core.consensus.InProcessTransport;
import io.shaledb.core.consensus.ItemValue;
import io.shaledb.core.consensus.PaxosRequest;
import io.shaledb.core.consensus.PaxosRequest.RangeRead;
import io.shaledb.core.consensus.PaxosTransport;
import io.shaledb.core.consensus.Proposer;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.error.ErrorCode;
import io.shaledb.core.model.Bytes;
import io.shaledb.core.write.ItemConsensus;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Multi-region strong consistency's protocol (shale-core's {@code consensus}) under a lossy network: clients in three
 * regions read, write and compare-and-set a few items concurrently through their regions' proposers, and read pages
 * of them as a strong Query or Scan does ({@link Proposer#readRange}), while the in-process network loses and delays
 * requests and replies (which reorders them); every item's history must be linearizable ({@link
 * LinearizableRegister}), and once the network is healed every region reads the same values. A second run also takes
 * each region down in turn (every request to it is lost), so regions miss commits and must catch up; a third loses
 * most Commits to the regions other than the writer's, so reads and pages meet acknowledged writes left open.
 *
 * <p>A page is not one snapshot across its keys (docs/global-tables.md, "A strongly consistent read"): what it
 * promises is per key, for every key up to where it stopped: the key's value in it (or its absence) is a strong read
 * of that key, taken somewhere between the page's start and its end. So each key a page covered joins that key's
 * history as a read with the page's times, and is checked with the rest.
 */
class StrongConsistencyProtocolTest {
  private static final List<String> REGIONS = List.of("us-east-1", "us-east-2", "us-west-2");
  private static final List<String> KEYS = List.of("k0", "k1", "k2");
  private static final int CLIENTS_PER_REGION = 2;
  private static final int OPERATIONS_PER_CLIENT = 150;
  private static final int ENOUGH = 5_000_000;
  /** The page sizes range reads ask for: one key, two (both stop short of the three keys) and a whole page. */
  private static final List<Integer> PAGE_KEYS = List.of(1, 2, RangeRead.MAX_KEYS);

  @Test
  void concurrentClientsInThreeRegionsOverALossyNetworkSeeALinearizableRegisterPerItem() throws Exception {
    check(0.03, false, 0);
  }

  @Test
  void aRegionCutOffInTurnCatchesUpAndEveryItemStaysLinearizable() throws Exception {
    check(0.01, true, 0);
  }

  /**
   * Most writes are acknowledged once committed in their own region while the two others hold them only accepted:
   * a read, a page's above all, must complete such a write rather than return the value before it.
   */
  @Test
  void writesLeftAcceptedInTheOtherRegionsAreCompletedByTheReadsAndPages() throws Exception {
    check(0.01, false, 0.6);
  }

  /**
   * Runs the clients and checks their history.
   *
   * @param cutOff whether a nemesis takes one region down at a time, for 100 ms in every 200 ms, each in turn
   * @param peerCommitLoss the share of Commits to other regions than the proposer's own that are lost besides
   */
  private static void check(double loss, boolean cutOff, double peerCommitLoss) throws Exception {
    History<RegisterOp> history = new History<>();
    AtomicInteger values = new AtomicInteger();
    AtomicInteger pagesRead = new AtomicInteger();
    AtomicInteger keysInPages = new AtomicInteger();
    List<Throwable> crashes = new CopyOnWriteArrayList<>();
    try (InProcessTransport network = new InProcessTransport(REGIONS)) {
      network.faults(loss, 3);
      List<Thread> clients = new ArrayList<>();
      for (int process = 0; process < REGIONS.size() * CLIENTS_PER_REGION; process++) {
        String region = REGIONS.get(process % REGIONS.size());
        PaxosTransport transport = (target, table, key, request) -> request instanceof PaxosRequest.Commit
            && !target.equals(region) && ThreadLocalRandom.current().nextDouble() < peerCommitLoss
                ? new CompletableFuture<>() : network.send(target, table, key, request);
        Proposer proposer = new Proposer(region, REGIONS, transport, Clock.systemUTC(), Duration.ofMillis(100));
        int id = process;
        clients.add(Thread.ofPlatform().uncaughtExceptionHandler((thread, e) -> crashes.add(e)).start(() -> {
          for (int i = 0; i < OPERATIONS_PER_CLIENT; i++) {
            if (ThreadLocalRandom.current().nextInt(10) < 2) {
              Map<String, Timed<RegisterOp>> page = readPage(id, proposer);
              page.forEach(history::record);
              pagesRead.incrementAndGet();
              keysInPages.addAndGet(page.size());
              continue;
            }
            String key = KEYS.get(ThreadLocalRandom.current().nextInt(KEYS.size()));
            history.record(key, run(id, proposer, key, randomOperation(values)));
          }
        }));
      }
      Thread nemesis = Thread.ofPlatform().start(() -> {
        for (int turn = 0; cutOff && clients.stream().anyMatch(Thread::isAlive); turn++) {
          String region = REGIONS.get(turn % REGIONS.size());
          network.down(region);
          sleep(100);
          network.up(region);
          sleep(100);
        }
      });
      for (Thread client : clients) {
        client.join(Duration.ofMinutes(2));
      }
      nemesis.join(Duration.ofSeconds(5));

      network.faults(0, 0);
      int reader = REGIONS.size() * CLIENTS_PER_REGION;
      for (String key : KEYS) {
        // A write of unknown outcome may have left its value accepted in one region only; a read whose quorum meets
        // it completes it, and a read whose quorum does not returns the value before (both linearizable: the reads
        // join the history). So the regions agree once one round of reads, one in each, saw a single value.
        List<@Nullable Integer> seen = List.of();
        for (int round = 0; round < 5 && seen.stream().distinct().count() != 1; round++) {
          seen = REGIONS.stream().map(region -> {
            Timed<RegisterOp> read = run(reader, new Proposer(region, REGIONS, network, Clock.systemUTC(),
                Duration.ofSeconds(1)), key, new RegisterOp.Read(null));
            history.record(key, read);
            return read.operation() instanceof RegisterOp.Read(Integer observed) ? observed : null;
          }).toList();
        }
        assertThat(seen).as(key).containsOnly(seen.getFirst());
      }
    }

    assertThat(crashes).as("clients that died").isEmpty();
    System.out.printf("MRSC protocol history: %d ok, %d refused, %d failed, %d unknown; %d pages, %d keys read in"
        + " them%n", history.count(Outcome.OK), history.count(Outcome.REFUSED), history.count(Outcome.FAILED),
        history.count(Outcome.UNKNOWN), pagesRead.get(), keysInPages.get());
    assertThat(history.count(Outcome.OK)).as("enough operations took effect to mean something")
        .isGreaterThan(OPERATIONS_PER_CLIENT * 2L);
    assertThat(keysInPages.get()).as("enough keys read in pages to mean something").isGreaterThan(OPERATIONS_PER_CLIENT);
    for (Map.Entry<String, List<Timed<RegisterOp>>> item : history.byKey().entrySet()) {
      LinearizableRegister.Verdict verdict = LinearizableRegister.check(item.getValue(), ENOUGH);
      assertThat(verdict).as(() -> item.getKey() + ": " + (verdict instanceof LinearizableRegister.NotLinearizable
          bad ? bad.describe(item.getValue().getFirst().invokedAt()) : verdict.toString()))
          .isInstanceOf(LinearizableRegister.Linearizable.class);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static RegisterOp randomOperation(AtomicInteger values) {
    int dice = ThreadLocalRandom.current().nextInt(10);
    if (dice < 4) {
      return new RegisterOp.Read(null);
    }
    int value = values.incrementAndGet();
    if (dice < 7) {
      return new RegisterOp.Write(value);
    }
    // Expect a value written lately, or absence, so that some compare-and-sets succeed.
    int recent = value - 1 - ThreadLocalRandom.current().nextInt(3);
    return new RegisterOp.Cas(recent <= 0 ? null : recent, value);
  }

  private static Timed<RegisterOp> run(int process, Proposer proposer, String key, RegisterOp operation) {
    long invoked = System.nanoTime();
    try {
      RegisterOp done = switch (operation) {
        case RegisterOp.Read read -> new RegisterOp.Read(decode(proposer.read("t", bytes(key))));
        case RegisterOp.Write write -> {
          proposer.write("t", bytes(key), current -> encode(write.value()));
          yield write;
        }
        case RegisterOp.Cas cas -> {
          proposer.write("t", bytes(key), current -> {
            Integer held = decode(current);
            if (held == null ? cas.expected() != null : !held.equals(cas.expected())) {
              throw new DynamoException(ErrorCode.CONDITIONAL_CHECK_FAILED, "The conditional request failed");
            }
            return encode(cas.value());
          });
          yield cas;
        }
      };
      return new Timed<>(process, done, Outcome.OK, invoked, System.nanoTime());
    } catch (DynamoException e) {
      Outcome outcome = switch (e.code()) {
        case CONDITIONAL_CHECK_FAILED -> Outcome.REFUSED;
        case INTERNAL_SERVER_ERROR -> Outcome.UNKNOWN;
        default -> Outcome.FAILED;
      };
      return new Timed<>(process, operation, outcome, invoked, System.nanoTime());
    }
  }

  /**
   * Reads a page of the items, forwards or backwards, of a random number of keys, and answers each key it covered (up
   * to where it stopped) as a read of that key with the page's times: with its value when the page holds it, absent
   * when not. A page that failed covered nothing, which tells nothing.
   */
  private static Map<String, Timed<RegisterOp>> readPage(int process, Proposer proposer) {
    boolean reverse = ThreadLocalRandom.current().nextBoolean();
    int maxKeys = PAGE_KEYS.get(ThreadLocalRandom.current().nextInt(PAGE_KEYS.size()));
    long invoked = System.nanoTime();
    ItemConsensus.Range page;
    try {
      page = proposer.readRange("t", new RangeRead(Bytes.EMPTY, null, reverse, maxKeys, RangeRead.MAX_BYTES));
    } catch (DynamoException e) {
      return Map.of();
    }
    long completed = System.nanoTime();
    Comparator<String> order = reverse ? Comparator.reverseOrder() : Comparator.naturalOrder();
    Bytes lastRead = page.lastRead();
    Map<String, Timed<RegisterOp>> reads = new TreeMap<>();
    for (String key : KEYS) {
      if (lastRead == null || order.compare(key, text(lastRead.toByteArray())) <= 0) {
        reads.put(key, new Timed<>(process, new RegisterOp.Read(null), Outcome.OK, invoked, completed));
      }
    }
    List<String> held = page.items().stream().map(item -> text(item.key())).toList();
    assertThat(held).as("a page's keys: each once, in its order, up to where it stopped")
        .isSortedAccordingTo(order).doesNotHaveDuplicates().isSubsetOf(reads.keySet());
    for (ItemConsensus.Item item : page.items()) {
      reads.put(text(item.key()), new Timed<>(process, new RegisterOp.Read(ByteBuffer.wrap(item.stored()).getInt()),
          Outcome.OK, invoked, completed));
    }
    return reads;
  }

  private static String text(byte[] key) {
    return new String(key, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String key) {
    return key.getBytes(StandardCharsets.UTF_8);
  }

  private static ItemValue encode(int value) {
    return new ItemValue(ByteBuffer.allocate(Integer.BYTES).putInt(value).array());
  }

  private static @Nullable Integer decode(ItemValue value) {
    byte[] bytes = value.bytes();
    return bytes == null ? null : ByteBuffer.wrap(bytes).getInt();
  }
}
