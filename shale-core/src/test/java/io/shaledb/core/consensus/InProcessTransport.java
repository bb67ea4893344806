package io.shaledb.core.consensus;

import io.shaledb.core.catalog.TableStatistics;
import io.shaledb.core.consensus.PaxosRequest.ItemRequest;
import io.shaledb.core.consensus.PaxosRequest.RangeRead;
import io.shaledb.core.storage.Snapshot;
import io.shaledb.core.storage.memory.MemoryEngine;
import io.shaledb.core.write.Transactions;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Regions in one JVM, each an {@link Acceptor} over its own memory engine, and a network between them that can lose
 * requests and replies, delay each by a random time (which reorders them) and cut regions off. A lost message's
 * future never completes, as over a network: the proposer's time limit is what notices it.
 */
public final class InProcessTransport implements PaxosTransport, AutoCloseable {
  /** Every region's keyspace of the table; the regions of a real global table have each their own. */
  public static final int KEYSPACE = 7;

  private final Map<String, Acceptor> acceptors = new LinkedHashMap<>();
  private final Map<String, MemoryEngine> engines = new LinkedHashMap<>();
  private final Set<String> down = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService network = Executors.newScheduledThreadPool(4);
  private volatile double loss;
  private volatile int maxDelayMillis;

  /**
   * Every region keeps its committed values as the witness does ({@link WitnessValues}): what the protocol needs of
   * a region is the same for a replica, whose values are its table's items.
   */
  public InProcessTransport(List<String> regions) {
    for (String region : regions) {
      MemoryEngine engine = new MemoryEngine();
      engines.put(region, engine);
      Transactions transactions = new Transactions(engine, TableStatistics.load(engine, List.of(), Runnable::run));
      acceptors.put(region, new Acceptor(transactions, Clock.systemUTC(), new WitnessValues()));
    }
  }

  public static byte[] itemKey(byte[] key) {
    return ByteBuffer.allocate(Integer.BYTES + key.length).putInt(KEYSPACE).put(key).array();
  }

  /** Loses each request, and each reply, with probability {@code loss}, and delays each by up to the maximum. */
  public void faults(double loss, int maxDelayMillis) {
    this.loss = loss;
    this.maxDelayMillis = maxDelayMillis;
  }

  public void down(String region) {
    down.add(region);
  }

  public void up(String region) {
    down.remove(region);
  }

  public Acceptor acceptor(String region) {
    return acceptors.get(region);
  }

  public MemoryEngine engine(String region) {
    return engines.get(region);
  }

  @Override
  public CompletableFuture<PaxosReply> send(String region, String table, byte[] key, PaxosRequest request) {
    CompletableFuture<PaxosReply> reply = new CompletableFuture<>();
    if (down.contains(region) || lost()) {
      return reply;
    }
    network.schedule(() -> {
      if (down.contains(region)) {
        return;
      }
      PaxosReply answer;
      try {
        answer = answer(region, key, request);
      } catch (RuntimeException e) {
        reply.completeExceptionally(e);
        return;
      }
      if (!lost()) {
        network.schedule(() -> reply.complete(answer), delay(), TimeUnit.MICROSECONDS);
      }
    }, delay(), TimeUnit.MICROSECONDS);
    return reply;
  }

  private PaxosReply answer(String region, byte[] key, PaxosRequest request) {
    return switch (request) {
      case ItemRequest item -> acceptors.get(region).handle(itemKey(key), item);
      case RangeRead range -> {
        try (Snapshot snapshot = engines.get(region).consistentSnapshot()) {
          yield acceptors.get(region).readRange(snapshot, KEYSPACE, range);
        }
      }
    };
  }

  private boolean lost() {
    return loss > 0 && ThreadLocalRandom.current().nextDouble() < loss;
  }

  private long delay() {
    return maxDelayMillis == 0 ? 0 : ThreadLocalRandom.current().nextLong(maxDelayMillis * 1000L);
  }

  @Override
  public void close() {
    network.shutdownNow();
    engines.values().forEach(MemoryEngine::close);
  }
}
