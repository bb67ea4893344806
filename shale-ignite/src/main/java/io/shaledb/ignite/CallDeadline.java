package io.shaledb.ignite;

import io.shaledb.core.storage.StorageUnavailableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How long the engine waits for one Ignite call on a request's path: every such call is made in its asynchronous form
 * and awaited here. Ignite bounds most of its waits itself (a replica request fails after the replication timeout,
 * 3 s; a wait for a partition's primary after 30 s), but not a lock wait: a transaction waiting for a lock whose holder
 * was never released waited without end, and so did the request and its thread (docs/cluster.md, "What is left").
 * A call still pending at the deadline fails the request as retriable ({@link StorageUnavailableException}, which the
 * API answers with a 503 the SDKs retry), and the caller rolls its Ignite transaction back.
 *
 * <p>When the awaited call is a commit, its outcome is unknown: the commit was not acknowledged, and it may still be
 * applied, as after any 5xx.
 *
 * @param timeout how long one call may take
 */
record CallDeadline(Duration timeout) {
  /**
   * Longer than any wait of a healthy cluster, loaded or failing over: a request to a replica that does not answer ends
   * after Ignite's replication timeout (3 s), and after a node loss a partition has a new primary once the node is
   * removed and its lease has expired (up to about 6 s on a starved machine); a lock wait on a healthy cluster lasts as
   * long as its holder's commit. It matches the API's 10 s budget for a whole request, after which no client waits.
   */
  static final CallDeadline DEFAULT = new CallDeadline(Duration.ofSeconds(10));
  private static final System.Logger LOG = System.getLogger(CallDeadline.class.getName());

  CallDeadline {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("a call deadline must be positive, got " + timeout);
    }
  }

  /**
   * The result of {@code pending}, Ignite's call {@code call}, once it completes within the deadline; its failure as
   * Ignite reported it.
   *
   * @throws StorageUnavailableException when the call has not completed by the deadline
   */
  <T> T await(String call, CompletableFuture<T> pending) {
    try {
      return pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      LOG.log(System.Logger.Level.WARNING, "Ignite call {0} did not complete within {1} ms; no longer waited for",
          call, Long.toString(timeout.toMillis()));
      throw new StorageUnavailableException("the cluster did not complete " + call + " within " + timeout.toMillis()
          + " ms");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw cause instanceof RuntimeException failure ? failure : new IllegalStateException(call + " failed", cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageUnavailableException("interrupted while waiting for " + call);
    }
  }
}
