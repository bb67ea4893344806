package io.shaledb.it.jepsen;

import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** How workloads send requests: each timed and classified, and the final reads tried again until they get through. */
public final class Requests {
  private Requests() {}

  /**
   * What a failed request tells about its effect: a false condition and a cancelled transaction took none; another
   * 4xx answer was refused before anything was written; a 5xx, a timeout or a lost connection may have come after the
   * write was made durable, so its effect is unknown.
   */
  static Outcome outcomeOf(SdkException failure) {
    if (failure instanceof ConditionalCheckFailedException || failure instanceof TransactionCanceledException) {
      return Outcome.REFUSED;
    }
    if (failure instanceof AwsServiceException service && service.statusCode() < 500) {
      return Outcome.FAILED;
    }
    return Outcome.UNKNOWN;
  }

  /** {@code request}'s answer, asking again after a failure until {@code patience} has passed. */
  public static <T> T patiently(Supplier<T> request, Duration patience) {
    return until(request, System.nanoTime() + patience.toNanos());
  }

  /** {@code request}'s answer, asking again after a failure until {@code deadline} ({@link System#nanoTime()}). */
  static <T> T until(Supplier<T> request, long deadline) {
    while (true) {
      try {
        return request.get();
      } catch (SdkException e) {
        if (System.nanoTime() - deadline > 0) {
          throw e;
        }
        pause();
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the cluster recovers", e);
    }
  }
}
