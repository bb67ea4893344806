package io.shaledb.ignite;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import org.apache.ignite.IgniteServer;
import org.apache.ignite.internal.raft.server.RaftServer;
import org.apache.ignite.internal.raft.server.impl.JraftServerImpl;

/**
 * Gives the Raft server's common executor enough threads that a peer which is in the membership but does not answer
 * Raft yet cannot hold up the heartbeats to the peers that do.
 *
 * <p>Ignite 3.1.0's JRaft sends every heartbeat and probe of every group this node leads through one shared pool,
 * {@code JRaft-Common-Executor}, of as many threads as the machine has cores, and before each send to a peer it has not
 * pinged since that peer left, {@code DefaultRaftClientService.appendEntries} pings it and waits for the answer on
 * the calling thread ({@code AbstractClientService.connect}, up to a third of the election timeout). A killed node's
 * new launch enters the membership seconds before its Raft server starts, and meanwhile drops Raft messages unanswered
 * (no handler yet): so every replicator towards it holds a pool thread for the whole wait, the few threads are taken,
 * the heartbeats towards the other live peer wait in the queue past the leader's lease, and the leader steps down
 * from every group it leads ("alive nodes don't satisfy quorum", naming the live peer too; docs/cluster.md, "Failover
 * and rejoin"). With a thread per replicator that can wait so, a heartbeat always finds a free one.
 *
 * <p>The pool is Ignite's internal ({@code IgniteServerImpl.igniteImpl().raftManager().server()}, its {@code
 * options().getCommonExecutor()}), looked up once after the node started; an Ignite without it leaves the pool as it
 * was, with a warning.
 */
final class RaftCommonPool {
  /**
   * At most this many threads: beyond it their stacks and scheduling would cost more than the waits they absorb, and a
   * node leading that many groups needs Ignite to stop waiting on the pool instead.
   */
  static final int MAX_THREADS = 256;
  private static final System.Logger LOG = System.getLogger(RaftCommonPool.class.getName());

  private RaftCommonPool() {}

  /**
   * The threads the pool needs: one per replicator this node can lead (a replicator per other replica of each group:
   * the zone's partitions and Ignite's two system groups, the metastorage and the cluster management group), so that
   * all of them can wait on a silent peer at once, plus Ignite's own size (a thread per core) for the pool's usual
   * work; at most {@link #MAX_THREADS}.
   */
  static int threadsFor(int partitions, int replicas, int cores) {
    return Math.min(MAX_THREADS, (partitions + 2) * Math.max(0, replicas - 1) + cores);
  }

  /** Widens {@code server}'s pool to {@link #threadsFor} threads; the size it has now, or nothing if not found. */
  static Optional<Integer> widen(IgniteServer server, int partitions, int replicas) {
    try {
      RaftServer raft = IgniteInternals.of(server).raftManager().server();
      if (!(raft instanceof JraftServerImpl jraft)) {
        throw new IllegalStateException("the Raft server is a " + raft.getClass().getName() + ", not JraftServerImpl");
      }
      ExecutorService common = jraft.options().getCommonExecutor();
      if (!(common instanceof ThreadPoolExecutor pool)) {
        throw new IllegalStateException("the Raft common executor is a "
            + (common == null ? "null" : common.getClass().getName()) + ", not a ThreadPoolExecutor");
      }
      int threads = widen(pool, threadsFor(partitions, replicas, Runtime.getRuntime().availableProcessors()));
      LOG.log(System.Logger.Level.INFO, "Raft common executor of {0}: {1} threads", server.name(), threads);
      return Optional.of(threads);
    } catch (LinkageError | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "the Raft common executor keeps Ignite's size: this Ignite does not have"
          + " the internals it was looked up by (Ignite 3.1.0's JraftServerImpl options): " + e, e);
      return Optional.empty();
    }
  }

  /** Widens {@code pool} to {@code threads}, never narrowing it; returns its size. */
  static int widen(ThreadPoolExecutor pool, int threads) {
    if (threads > pool.getMaximumPoolSize()) {
      // The maximum first: a core size above it is refused.
      pool.setMaximumPoolSize(threads);
    }
    if (threads > pool.getCorePoolSize()) {
      // The pool's queue is unbounded, so it never grows past its core size: the core size is the size.
      pool.setCorePoolSize(threads);
    }
    return pool.getCorePoolSize();
  }
}
