package io.shaledb.it.jepsen;

import java.util.List;
import java.util.SplittableRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Operations of one kind that clients run at random against a cluster, recorded into a history and then checked. */
public interface Workload {
  /** Short name for reports. */
  String name();

  /** Writes what the operations start from, through {@code client}, which retries as the SDK does. */
  void setUp(DynamoDbClient client);

  /** Runs one random operation through {@code client} as {@code process} and records it; returns what came of it. */
  Outcome step(DynamoDbClient client, int process, SplittableRandom random);

  /**
   * Reads the final state through {@code reads} once every fault is healed and checks the history against it; a key
   * whose final read no node answered is checked without it (its history's own reads still are).
   *
   * @return the anomalies found, each with the operations that show it; empty when the history checks out
   */
  List<String> check(FinalReads reads, long origin);

  /** The operations recorded so far. */
  History<?> history();
}
