package io.shaledb.core.op.batch;

import io.shaledb.core.error.DynamoException;
import io.shaledb.core.schema.TableMetadata;
import io.shaledb.core.write.ItemConsensus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * The strongly consistent reads of a batch's keys of one table of multi-region strong consistency, each through the
 * regions' consensus. A read waits a round trip to the nearer peer, so the keys are read side by side, at most
 * {@value #PARALLEL} at a time (virtual threads: each only waits); a key whose read fails (fewer than two regions
 * answered, or a write kept it contended) has its error in its place, and the others are read all the same. Keys the
 * batch would leave unprocessed whatever they hold are not read.
 */
final class ConsensusReads {
  static final int PARALLEL = 16;

  /** One key's read: the item's stored form (null: absent), why it could not be read, or that it was not asked for. */
  sealed interface Result {
    record Read(byte @Nullable [] stored) implements Result {}

    record Failed(DynamoException error) implements Result {}

    record NotRead() implements Result {}
  }

  private ConsensusReads() {}

  /** The reads of the keys {@code wanted} admits, in the keys' order; the others are {@link Result.NotRead}. */
  static List<Result> read(ItemConsensus consensus, TableMetadata table, List<byte[]> keys, IntPredicate wanted) {
    Result[] results = new Result[keys.size()];
    List<Integer> asked = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      if (wanted.test(i)) {
        asked.add(i);
      } else {
        results[i] = new Result.NotRead();
      }
    }
    AtomicInteger next = new AtomicInteger();
    AtomicReference<RuntimeException> bug = new AtomicReference<>();
    Runnable reader = () -> {
      for (int n = next.getAndIncrement(); n < asked.size() && bug.get() == null; n = next.getAndIncrement()) {
        int i = asked.get(n);
        try {
          results[i] = new Result.Read(consensus.read(table, keys.get(i)));
        } catch (DynamoException e) {
          results[i] = new Result.Failed(e);
        } catch (RuntimeException e) {
          bug.compareAndSet(null, e);
        }
      }
    };
    List<Thread> readers = new ArrayList<>();
    for (int i = 0; i < Math.min(PARALLEL, asked.size()); i++) {
      readers.add(Thread.ofVirtual().name("batch-get-consensus").start(reader));
    }
    try {
      for (Thread thread : readers) {
        thread.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      readers.forEach(Thread::interrupt);
      throw DynamoException.serviceUnavailable();
    }
    RuntimeException failure = bug.get();
    if (failure != null) {
      throw failure; // not a refusal: the request's thread reports it as any other failure of the request
    }
    return List.of(results);
  }
}
